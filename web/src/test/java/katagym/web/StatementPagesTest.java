package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kata page keeps a statement's Derivation in a closed {@code <details>}; topic pages are served. */
class StatementPagesTest {
    @TempDir Path dir;
    Fixture f;

    @BeforeEach
    void setUp() {
        Path root = Path.of(System.getProperty("kata.root", "..")).toAbsolutePath().normalize();
        f = new Fixture(dir.resolve("data"), root);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void theDerivationIsInAClosedDetailsElementAfterTheWorkedExample() {
        JavalinTest.test(f.app, (server, client) -> {
            String page = client.get("/katas/layer-norm").body().string();
            int details = page.indexOf("<details class=\"derivation\" id=\"derivation\">");
            assertThat(details).as("a closed <details> (no open attribute)").isPositive();
            int end = page.indexOf("</details>", details);
            String inside = page.substring(details, end);
            assertThat(inside).contains("<summary>").contains("dx_{ri} = r_\\sigma");
            assertThat(page.indexOf("dx_{ri} = r_\\sigma")).as("the backward formula appears only inside it").isEqualTo(page.indexOf("dx_{ri} = r_\\sigma", details));
            assertThat(page.indexOf("Worked example")).isLessThan(details);
            assertThat(page.indexOf("The theory an interviewer probes")).isGreaterThan(end);
            assertThat(page).doesNotContain("<details class=\"derivation\" id=\"derivation\" open");
            // a statement without a derivation has no such element
            assertThat(client.get("/katas/insertion-sort").body().string()).doesNotContain("class=\"derivation\"");
        });
    }

    @Test
    void topicPagesAreServedAndListed() {
        JavalinTest.test(f.app, (server, client) -> {
            var topic = client.get("/topics/parallelism");
            assertThat(topic.code()).isEqualTo(200);
            assertThat(topic.body().string()).contains("Megatron").contains("mathjax_process").contains("./kata show parallelism");
            assertThat(client.get("/topics/no-such-page").code()).isEqualTo(404);
            assertThat(client.get("/topics/..%2Fcurriculum").code()).isEqualTo(404);
            assertThat(client.get("/katas").body().string()).contains("id=\"topic-pages\"").contains("href=\"/topics/serving\"");
        });
    }
}
