package katagym.grader.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.run.ProjectRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader: the engine's fixture drills load, and each rule of the drill format is enforced with a message naming file and drill. */
class DrillsTest {
    static final Path FIXTURES = ProjectRoot.find().resolve("grader/src/test/resources/drill-fixtures");
    static final List<String> CURRICULUM = Drills.curriculumIds(ProjectRoot.find());
    @TempDir Path dir;

    static Drills fixtures() {
        return Drills.load(FIXTURES, Catalogue.standard(), CURRICULUM, page -> page.equals("parallelism"));
    }

    @Test
    void theFixtureDrillsLoadWithEveryKind() {
        Drills drills = fixtures();
        assertThat(drills.topics()).containsExactly("attention", "peft");
        assertThat(drills.all()).extracting(Drill::kind).contains(Drill.Kind.values());
        Drill variance = drills.find("fixture-attention-score-variance").orElseThrow();
        assertThat(variance.value()).isEqualTo(64);
        assertThat(variance.tolerance()).isEqualTo(0.01);
        assertThat(variance.inputs()).containsEntry("d_k", 64.0);
        assertThat(variance.seeUrl()).isEqualTo("/katas/scaled-dot-product-attention");
        Drill lora = drills.find("fixture-peft-lora-params").orElseThrow();
        assertThat(lora.tolerance()).as("the default tolerance").isEqualTo(Drill.DEFAULT_TOLERANCE);
        assertThat(lora.unit()).isEqualTo("parameters");
        assertThat(drills.find("fixture-peft-latency").orElseThrow().correct()).containsExactly(0, 2);
        assertThat(drills.find("fixture-attention-steps-order").orElseThrow().items()).hasSize(5).startsWith("Project the input to Q, K and V");
    }

    @Test
    void llmNamesTheLlmInferenceTopic() {
        assertThat(Drills.topicOf("llm", Catalogue.standard())).contains("llm-inference");
        assertThat(Drills.topicOf("llm-inference", Catalogue.standard())).contains("llm-inference");
        assertThat(Drills.topicOf("nonsense", Catalogue.standard())).isEmpty();
    }

    /** The problems of one file alone in the drills folder. */
    List<String> problems(String file, String yaml) throws Exception {
        try (var old = Files.list(dir)) {
            for (Path p : old.toList()) Files.delete(p);
        }
        Files.writeString(dir.resolve(file), yaml);
        try {
            Drills.load(dir, Catalogue.standard(), CURRICULUM, page -> page.equals("parallelism"));
        } catch (DrillDataException e) {
            return e.problems();
        }
        return List.of();
    }

    static final String GOOD = """
            - id: good
              curriculum: [A1]
              kind: choice
              question: Which?
              options: [x, y]
              answer: 0
              explanation: Because.
              see: topic:parallelism
            """;

    @Test
    void aWellFormedFileHasNoProblem() throws Exception {
        assertThat(problems("attention.yaml", GOOD)).isEmpty();
    }

    @Test
    void eachRuleOfTheFormatIsEnforcedNamingFileAndDrill() throws Exception {
        assertThat(problems("attention.yaml", GOOD.replace("id: good", "id: Bad_Id")))
                .containsExactly("attention.yaml: drill 'Bad_Id': id must be lowercase letters, digits and single hyphens ([a-z0-9-]+)");
        assertThat(problems("attention.yaml", GOOD.replace("  curriculum: [A1]\n", "")))
                .containsExactly("attention.yaml: drill 'good': needs curriculum: a list of at least one curriculum id, e.g. [A1]");
        assertThat(problems("attention.yaml", GOOD.replace("[A1]", "[Z99]"))).containsExactly("attention.yaml: drill 'good': curriculum id 'Z99' is not in curriculum.md");
        assertThat(problems("attention.yaml", GOOD.replace("kind: choice", "kind: essay"))).singleElement().asString().contains("kind 'essay'");
        assertThat(problems("attention.yaml", GOOD.replace("  question: Which?\n", ""))).containsExactly("attention.yaml: drill 'good': needs question");
        assertThat(problems("attention.yaml", GOOD.replace("Because.", "''"))).containsExactly("attention.yaml: drill 'good': explanation is empty");
        assertThat(problems("attention.yaml", GOOD.replace("topic:parallelism", "topic:nowhere"))).singleElement().asString().contains("names no topic page");
        assertThat(problems("attention.yaml", GOOD.replace("topic:parallelism", "no-such-kata"))).singleElement().asString().contains("neither a catalogue kata slug");
        assertThat(problems("attention.yaml", GOOD.replace("[x, y]", "[x]"))).singleElement().asString().contains("options has 1 entries; the format allows 2 to 6");
        assertThat(problems("attention.yaml", GOOD.replace("[x, y]", "[x, x]"))).singleElement().asString().contains("duplicate");
        assertThat(problems("attention.yaml", GOOD.replace("answer: 0", "answer: 2"))).singleElement().asString().contains("answer 2 is not an option index (0 to 1)");
        assertThat(problems("attention.yaml", GOOD.replace("answer: 0", "answer: [0, 1]"))).singleElement().asString().contains("0-based index");
        assertThat(problems("attention.yaml", GOOD + "  explaination: typo\n")).singleElement().asString().contains("unknown field 'explaination'");
        assertThat(problems("attention.yaml", GOOD + GOOD)).containsExactly("attention.yaml: drill 'good': the id is used by another drill (ids are unique across all files)");
        assertThat(problems("nonsense.yaml", GOOD)).singleElement().asString().startsWith("nonsense.yaml: the file name must be a catalogue topic");
        assertThat(problems("attention.yaml", "id: not-a-list\n")).containsExactly("attention.yaml: must be a non-empty YAML list of drills");
        assertThat(problems("attention.yaml", "- [unclosed\n")).singleElement().asString().startsWith("attention.yaml: not valid YAML");
    }

    @Test
    void numericMultipleAndOrderRulesAreEnforced() throws Exception {
        String numeric = """
                - id: num
                  curriculum: [A2]
                  kind: numeric
                  question: How many?
                  answer: 64
                  tolerance: 0.01
                  formula: attention-flops
                  inputs: {n: 4, d: 1}
                  explanation: Because.
                  see: scaled-dot-product-attention
                """;
        assertThat(problems("attention.yaml", numeric)).isEmpty();
        assertThat(problems("attention.yaml", numeric.replace("answer: 64", "answer: lots"))).singleElement().asString().contains("answer: a finite number");
        assertThat(problems("attention.yaml", numeric.replace("tolerance: 0.01", "tolerance: -1"))).singleElement().asString().contains("tolerance must be");
        assertThat(problems("attention.yaml", numeric.replace("  inputs: {n: 4, d: 1}\n", ""))).singleElement().asString().contains("needs its inputs");
        assertThat(problems("attention.yaml", numeric.replace("  formula: attention-flops\n", ""))).singleElement().asString().contains("without a formula");
        assertThat(problems("attention.yaml", numeric.replace("{n: 4, d: 1}", "{n: four, d: 1}"))).singleElement().asString().contains("input 'n' must be a number");
        assertThat(problems("attention.yaml", numeric + "  options: [a, b]\n")).singleElement().asString().contains("'options' is for choice and multiple drills only");

        String multiple = GOOD.replace("kind: choice", "kind: multiple").replace("[x, y]", "[x, y, z]");
        assertThat(problems("attention.yaml", multiple.replace("answer: 0", "answer: [0, 2]"))).isEmpty();
        assertThat(problems("attention.yaml", multiple.replace("answer: 0", "answer: [2, 0]"))).singleElement().asString().contains("increasing order");
        assertThat(problems("attention.yaml", multiple.replace("answer: 0", "answer: [0, 3]"))).singleElement().asString().contains("answer 3 is not an option index");
        assertThat(problems("attention.yaml", multiple)).singleElement().asString().contains("a list of the 0-based indices");

        String order = """
                - id: ord
                  curriculum: [A4]
                  kind: order
                  question: In order?
                  items: [one, two, three]
                  explanation: Because.
                  see: multi-head-self-attention
                """;
        assertThat(problems("attention.yaml", order)).isEmpty();
        assertThat(problems("attention.yaml", order.replace("[one, two, three]", "[one, two]"))).singleElement().asString().contains("3 to 6");
        assertThat(problems("attention.yaml", order.replace("[one, two, three]", "[one, two, one]"))).singleElement().asString().contains("duplicate");
        assertThat(problems("attention.yaml", order + "  answer: [0, 1, 2]\n")).singleElement().asString().contains("no answer");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() throws Exception {
        String twoBad = GOOD.replace("answer: 0", "answer: 5") + GOOD.replace("id: good", "id: other").replace("see: topic:parallelism", "see: nowhere");
        assertThatThrownBy(() -> {
            Files.writeString(dir.resolve("attention.yaml"), twoBad);
            Drills.load(dir, Catalogue.standard(), CURRICULUM, p -> true);
        }).isInstanceOf(DrillDataException.class).hasMessageContaining("2 problem(s)")
                .hasMessageContaining("drill 'good': answer 5").hasMessageContaining("drill 'other': see 'nowhere'");
    }
}
