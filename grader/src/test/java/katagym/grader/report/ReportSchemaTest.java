package katagym.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import katagym.grader.spec.CheckKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report is what the dashboard ingests and CI uploads: its shape is fixed here. */
class ReportSchemaTest {
    private static Report sample() {
        return Report.of("katas", false, 1234L, List.of(
                new KataReport("sigmoid", "activations", "Sigmoid", Status.FAILED, 12, List.of(
                        new CheckReport("forwardMatchesReference", CheckKind.ORACLE, Status.FAILED, "y[0] differs",
                                "Case(x=[709.8])", 99L),
                        CheckReport.passed("matchesPyTorch", CheckKind.GOLDEN))),
                new KataReport("tanh", "activations", "Tanh", Status.PENDING, 1, List.of(
                        new CheckReport("forwardMatchesReference", CheckKind.ORACLE, Status.PENDING, "pending: tanh — implement x", null, null))),
                new KataReport("relu", "activations", "ReLU", Status.PASSED, 3, List.of(
                        CheckReport.passed("forwardMatchesReference", CheckKind.ORACLE)))));
    }

    @Test
    void theReportHasExactlyTheDocumentedFields() throws Exception {
        JsonNode json = ReportFiles.JSON.readTree(ReportFiles.JSON.writeValueAsString(sample()));
        assertThat(fieldNames(json)).containsExactly("schemaVersion", "generatedAt", "runId", "subject", "strict", "seed", "summary", "katas");
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(fieldNames(json.get("summary"))).containsExactly("total", "passed", "failed", "pending");
        assertThat(json.get("summary").toString()).isEqualTo("{\"total\":3,\"passed\":1,\"failed\":1,\"pending\":1}");
        JsonNode kata = json.get("katas").get(0);
        assertThat(fieldNames(kata)).containsExactly("slug", "topic", "title", "status", "durationMs", "lead", "checks");
        assertThat(kata.get("lead").asText()).isEqualTo("forwardMatchesReference");
        assertThat(kata.get("status").asText()).isEqualTo("failed");
        JsonNode check = kata.get("checks").get(0);
        assertThat(fieldNames(check)).containsExactly("name", "kind", "status", "message", "counterexample", "seed");
        assertThat(check.get("kind").asText()).isEqualTo("oracle");
        assertThat(check.get("seed").asLong()).isEqualTo(99L);
        assertThat(json.get("generatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(json.get("runId").asText()).hasSize(36);
    }

    @Test
    void aReportCarriesAPracticeSummaryOnlyWhenGivenOne() throws Exception {
        assertThat(ReportFiles.JSON.writeValueAsString(sample())).doesNotContain("practice");
        Report withPractice = sample().withPractice(new Practice(
                List.of(new Practice.InterviewSummary("sigmoid", "2026-12-01T09:00:00Z", true, 135L, 1, 3)),
                List.of(new Practice.OverdueReview("relu", 2))));
        JsonNode json = ReportFiles.JSON.readTree(ReportFiles.JSON.writeValueAsString(withPractice));
        assertThat(fieldNames(json)).endsWith("katas", "practice");
        assertThat(fieldNames(json.get("practice"))).containsExactly("interviews", "overdue");
        assertThat(fieldNames(json.get("practice").get("interviews").get(0)))
                .containsExactly("kata", "startedAt", "passed", "secondsToPass", "hints", "attempts");
        assertThat(fieldNames(json.get("practice").get("overdue").get(0))).containsExactly("kata", "daysOverdue");
        assertThat(ReportFiles.JSON.readValue(json.toString(), Report.class)).isEqualTo(withPractice);
    }

    @Test
    void aVersionOneReportWithoutLeadsReadsWithTheLeadDerived() throws Exception {
        String v1 = ReportFiles.JSON.writeValueAsString(sample()).replace("\"schemaVersion\":2", "\"schemaVersion\":1")
                .replace("\"lead\":\"forwardMatchesReference\",", "");
        assertThat(v1).doesNotContain("\"lead\":\"forward");
        Report back = ReportFiles.JSON.readValue(v1, Report.class);
        assertThat(back.katas().get(0).lead()).isEqualTo("forwardMatchesReference");
        assertThat(back.katas().get(2).lead()).isNull();
    }

    @Test
    void theLeadIsTheMostSpecificFailedCheckNotTheFirst() {
        List<CheckReport> checks = List.of(
                new CheckReport("forwardMatchesReference", CheckKind.ORACLE, Status.FAILED, "differs", "x", 1L),
                new CheckReport("matchesPyTorch", CheckKind.GOLDEN, Status.FAILED, "differs", "x", null),
                new CheckReport("rowsSumToOne", CheckKind.INVARIANT, Status.FAILED, "sum is 2", "x", 1L));
        assertThat(KataReport.leadOf(checks)).isEqualTo("rowsSumToOne");
        assertThat(KataReport.leadOf(checks.subList(0, 2))).isEqualTo("matchesPyTorch");
        assertThat(KataReport.leadOf(checks.subList(0, 1))).isEqualTo("forwardMatchesReference");
        // among equally specific checks, the smallest input that breaks the code leads
        List<CheckReport> two = List.of(
                new CheckReport("handWorkedValues", CheckKind.EXAMPLE, Status.FAILED, "differs", "x = [1, 2, 3], y = [4, 5]", null),
                new CheckReport("rowsSumToOne", CheckKind.INVARIANT, Status.FAILED, "sum is 2", "Case(x=[1.0])", 1L));
        assertThat(KataReport.leadOf(two)).isEqualTo("rowsSumToOne");
    }

    @Test
    void aReportRoundTripsThroughJson() throws Exception {
        Report r = sample();
        Report back = ReportFiles.JSON.readValue(ReportFiles.JSON.writeValueAsString(r), Report.class);
        assertThat(back).isEqualTo(r);
    }

    @Test
    void learnerRunsAreWrittenAndAppendedToTheHistoryWhileReferenceRunsAreNot(@TempDir Path root) throws Exception {
        ReportFiles files = new ReportFiles(root);
        Path latest = files.write(sample());
        assertThat(latest).isEqualTo(root.resolve("katas/target/kata-report.json"));
        files.write(sample());
        files.write(Report.of("reference", true, 1, List.of()));
        assertThat(root.resolve("reference/target/kata-report.json")).exists();
        assertThat(Files.readAllLines(files.history())).hasSize(2);
        Files.writeString(files.history(), "{\"cut off", java.nio.file.StandardOpenOption.APPEND);
        assertThat(files.readHistory()).hasSize(2).allMatch(r -> r.subject().equals("katas"));
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
