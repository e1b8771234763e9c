package katagym.grader.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    @Test
    void theStandardCatalogueListsEveryKataOfTheCatalogueOnceInOrder() {
        Catalogue c = Catalogue.standard();
        assertThat(c.katas()).hasSize(74);
        assertThat(c.katas().get(0).slug()).isEqualTo("sigmoid");
        assertThat(c.katas()).extracting(Kata::order).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 74).boxed().toList());
        assertThat(c.topics()).startsWith("activations", "sorting").contains("llm-inference", "rlhf");
    }

    @Test
    void everyNameDerivesFromTheSlugAndTopic() {
        Kata k = new Kata(1, "grouped-query-attention", "llm-inference", "GQA", "medium", List.of());
        assertThat(k.baseName()).isEqualTo("GroupedQueryAttention");
        assertThat(k.contractClass()).isEqualTo("katagym.llminference.GroupedQueryAttention");
        assertThat(k.stubPath()).isEqualTo("katas/src/main/java/katagym/llminference/GroupedQueryAttentionKata.java");
        assertThat(k.referenceClass()).isEqualTo("katagym.llminference.GroupedQueryAttentionReference");
        assertThat(k.specClass()).isEqualTo("katagym.llminference.GroupedQueryAttentionSpec");
        assertThat(k.statementPath()).isEqualTo("katas/src/main/resources/statements/grouped-query-attention.md");
        assertThat(new Kata(1, "l1-l2-regularization", "regularization", "", "easy", List.of()).baseName()).isEqualTo("L1L2Regularization");
    }

    @Test
    void selectTakesSlugsAndTopicsAndRejectsUnknownNames() {
        Catalogue c = Catalogue.standard();
        assertThat(c.select("sigmoid,sorting")).extracting(Kata::slug).startsWith("sigmoid", "insertion-sort").hasSize(8);
        assertThat(c.select(null)).hasSize(74);
        assertThatThrownBy(() -> c.select("sigmoid,nope")).hasMessageContaining("unknown kata or topic: nope");
    }

    @Test
    void aMalformedEntryIsRejectedWithItsPosition() {
        String yaml = "- slug: a\n  topic: t\n  title: A\n  difficulty: easy\n- slug: b\n  topic: t\n  difficulty: easy\n";
        assertThatThrownBy(() -> Catalogue.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("entry 2");
        String dup = "- {slug: a, topic: t, title: A, difficulty: easy}\n- {slug: a, topic: t, title: B, difficulty: hard}\n";
        assertThatThrownBy(() -> Catalogue.parse(new ByteArrayInputStream(dup.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("twice");
        String badDifficulty = "- {slug: a, topic: t, title: A, difficulty: brutal}\n";
        assertThatThrownBy(() -> Catalogue.parse(new ByteArrayInputStream(badDifficulty.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("easy, medium or hard");
    }
}
