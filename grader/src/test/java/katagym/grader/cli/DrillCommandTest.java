package katagym.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.drill.Asked;
import katagym.grader.drill.Drill;
import katagym.grader.drill.DrillLog;
import katagym.grader.drill.Drills;
import katagym.grader.run.ProjectRoot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./kata drill} end to end: answers piped on stdin, a fixed clock, the engine's fixture drills in a private repository. */
class DrillCommandTest {
    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    @TempDir Path root;

    @BeforeEach
    void repository() throws Exception {
        Path real = ProjectRoot.find();
        Path drills = Files.createDirectories(root.resolve(Drills.DIR));
        try (var fixtures = Files.list(real.resolve("grader/src/test/resources/drill-fixtures"))) {
            for (Path f : fixtures.toList()) Files.copy(f, drills.resolve(f.getFileName()));
        }
        Files.copy(real.resolve(Drills.CURRICULUM), root.resolve(Drills.CURRICULUM));
    }

    record Run(int code, String screen, String errors) {}

    Run drill(Instant now, String typed, String... args) {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == DrillCommand.class) {
                    return type.cast(new DrillCommand(Clock.fixed(now, ZoneOffset.UTC), new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), out));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        StringWriter errors = new StringWriter();
        CommandLine cli = new CommandLine(new KataCli(), factory).setErr(new PrintWriter(errors, true));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return 2;
        });
        List<String> all = new ArrayList<>(List.of("--root", root.toString(), "--no-color", "drill"));
        all.addAll(List.of(args));
        int code = cli.execute(all.toArray(String[]::new));
        return new Run(code, screen.toString(StandardCharsets.UTF_8), errors.toString());
    }

    List<JsonNode> log() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve(DrillLog.FILE))) out.add(json.readTree(line));
        return out;
    }

    static Asked asked(String id, long seed) {
        Drill d = Drills.load(ProjectRoot.find().resolve("grader/src/test/resources/drill-fixtures"), Catalogue.standard(), List.of(), p -> true)
                .find(id).orElseThrow();
        return Asked.of(d, DrillCommand.shuffle(seed, d));
    }

    /** The labels that put the order drill right, as the engine shuffles it with this seed. */
    static String rightOrder(String id, long seed) {
        Asked q = asked(id, seed);
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < q.drill().items().size(); k++) labels.add(Drill.label(q.shown().indexOf(k)));
        return String.join(" ", labels);
    }

    /** The labels of the right options, as shown with this seed (sorted). */
    static String rightChoice(String id, long seed) {
        Asked q = asked(id, seed);
        return String.join(",", q.drill().correct().stream().map(o -> q.shown().indexOf(o)).sorted().map(Drill::label).toList());
    }

    /** The label of the first wrong option shown with this seed. */
    static String wrongChoice(String id, long seed) {
        Asked q = asked(id, seed);
        for (int label = 0; ; label++) if (!q.drill().correct().contains(q.shown().get(label))) return Drill.label(label);
    }

    @Test
    void aSessionGradesANumberAChoiceAndAnOrderRecordsEachAnswerAndPrintsTheScore() throws Exception {
        String order = rightOrder("fixture-attention-steps-order", 7);
        String wrong = wrongChoice("fixture-attention-why-scale", 7);
        String right = rightChoice("fixture-attention-why-scale", 7);
        // "lots" is not a number: asked again, nothing recorded for it
        Run run = drill(T0, "lots\n64\n" + wrong + "\n268,435,456\n" + order + "\n", "--topic", "attention", "--count", "4", "--seed", "7");

        assertThat(run.code()).as(run.errors()).isZero();
        assertThat(run.screen())
                .contains("Drill 1/4 · attention · A1 · fixture-attention-score-variance")
                .contains("What is the variance of the dot product $q \\cdot k$?")
                .contains("Your answer: lots\n  could not read 'lots' as a number")
                .contains("✔ Right: 64")
                .contains("    " + right + ") To keep the softmax out of saturation, where its gradient vanishes")
                .contains("✘ Not quite. The answer: " + right + ") To keep the softmax out of saturation")
                .contains("Unscaled scores have variance $d_k$")
                .contains("Taught in: ./kata show scaled-dot-product-attention")
                .contains("Your answer (in FLOPs): ")
                .contains("Taught in: ./kata show multi-head-self-attention")
                .contains("Score: 3/4 right");
        List<JsonNode> log = log();
        assertThat(log).hasSize(4);
        assertThat(log).extracting(n -> n.get("drill").asText()).containsExactly("fixture-attention-score-variance",
                "fixture-attention-why-scale", "fixture-attention-flops", "fixture-attention-steps-order");
        assertThat(log).extracting(n -> n.get("correct").asBoolean()).containsExactly(true, false, true, true);
        assertThat(log).extracting(n -> n.get("given").asText()).startsWith("64");
        assertThat(log.get(1).get("given").asText()).as("the text of the option picked")
                .isEqualTo(asked("fixture-attention-why-scale", 7).shownChoices().get(wrong.charAt(0) - 'a'));
        assertThat(log.get(2).get("given").asText()).isEqualTo("268,435,456");
        assertThat(log.get(3).get("given").asText()).isEqualTo("Project the input to Q, K and V > Split each projection into heads"
                + " > Scaled dot-product attention per head > Concatenate the heads > Apply the output projection");
        assertThat(log.get(0).get("topic").asText()).isEqualTo("attention");
        assertThat(log.get(0).get("curriculum")).hasSize(1);
        assertThat(log.get(0).get("curriculum").get(0).asText()).isEqualTo("A1");
        assertThat(log).extracting(n -> n.get("answeredAt").asText()).containsOnly("2026-12-01T09:00:00Z");

        // the answer got wrong comes first next time
        Run again = drill(T0.plusSeconds(60), rightChoice("fixture-attention-why-scale", 8) + "\n", "--topic", "attention", "--count", "1", "--seed", "8");
        assertThat(again.screen()).contains("fixture-attention-why-scale").contains("✔ Right.").contains("Score: 1/1 right");
        assertThat(log()).hasSize(5);
    }

    @Test
    void dueDrillsComeBackAfterTheScheduledIntervalAndNotBefore() throws Exception {
        String order = rightOrder("fixture-attention-steps-order", 7);
        drill(T0, "64\n" + wrongChoice("fixture-attention-why-scale", 7) + "\n268435456\n" + order + "\n", "--topic", "attention", "--count", "4", "--seed", "7");

        Run early = drill(T0.plus(Duration.ofHours(23)), "", "--due");
        assertThat(early.screen()).contains("No drill is due; the next comes due on 2026-12-02");
        assertThat(log()).hasSize(4);

        // a day later the three answered right are due; the one answered wrong is not on the schedule yet
        Run due = drill(T0.plus(Duration.ofDays(1)).plusSeconds(1), "64\nhalf\n", "--due", "--seed", "7");
        assertThat(due.screen()).contains("Drill 1/3").contains("fixture-attention-score-variance").contains("fixture-attention-flops")
                .doesNotContain("fixture-attention-why-scale")
                .contains("could not read 'half'")
                .contains("Score: 1/1 right (stopped early)");
        assertThat(log()).hasSize(5);
        assertThat(log().get(4).get("answeredAt").asText()).isEqualTo("2026-12-02T09:00:01Z");

        // the one answered right again moves up to 3 days; two days later only the other two are due
        Run later = drill(T0.plus(Duration.ofDays(3)), "", "--due");
        assertThat(later.screen()).contains("Drill 1/2").doesNotContain("fixture-attention-score-variance");
    }

    @Test
    void oneDrillByIdAndAMultipleChoiceAsASet() throws Exception {
        String[] right = rightChoice("fixture-peft-latency", 3).split(",");
        // the labels in another order and notation: numbers, reversed, with a space
        String typed = (right[1].charAt(0) - 'a' + 1) + ", " + (right[0].charAt(0) - 'a' + 1);
        Run run = drill(T0, typed + "\n", "--id", "fixture-peft-latency", "--seed", "3");
        assertThat(run.screen()).contains("Drill 1/1 · peft · P3, P5 · fixture-peft-latency").contains(") BitFit")
                .contains("✔ Right.").contains("Taught in: ./kata show peft-parameter-count");
        assertThat(log().get(0).get("given").asText()).isEqualTo("Adapters; Prefix tuning");
    }

    @Test
    void unknownTopicsAndIdsAreRefusedWithWhatExists() {
        Run topic = drill(T0, "", "--topic", "cooking");
        assertThat(topic.code()).isEqualTo(2);
        assertThat(topic.errors()).contains("no topic 'cooking' (topics with drills: attention, peft)");
        Run noDrills = drill(T0, "", "--topic", "sorting");
        assertThat(noDrills.errors()).contains("no drills for sorting yet");
        Run id = drill(T0, "", "--id", "nope");
        assertThat(id.errors()).contains("no drill 'nope'");
        assertThat(Files.exists(root.resolve(DrillLog.FILE))).isFalse();
    }

    @Test
    void theDefaultIsFiveDrillsAndTheLlmTopicNameWorks() throws Exception {
        Run run = drill(T0, "", "--topic", "attention");
        assertThat(run.screen()).contains("Drill 1/4").contains("Score: 0/0 right (stopped early)");
        Run all = drill(T0, "");
        assertThat(all.screen()).contains("Drill 1/5");
        // "llm" names llm-inference, as the drill format spells it
        Run llm = drill(T0, "", "--topic", "llm");
        assertThat(llm.errors()).contains("no drills for llm-inference yet");
    }
}
