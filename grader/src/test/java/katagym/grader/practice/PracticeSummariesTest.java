package katagym.grader.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.report.CheckReport;
import katagym.grader.report.KataReport;
import katagym.grader.report.Practice;
import katagym.grader.report.Report;
import katagym.grader.report.ReportFiles;
import katagym.grader.report.Status;
import katagym.grader.spec.CheckKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PracticeSummariesTest {
    @TempDir Path root;

    @Test
    void nothingToSayMeansNoPracticeField() {
        assertThat(PracticeSummaries.of(root, Catalogue.standard(), Instant.now())).isNull();
    }

    @Test
    void theUploadCarriesTheFiveLatestScorecardsNewestFirstAndTheOverdueReviews() throws Exception {
        PracticeLog log = new PracticeLog(root);
        for (int i = 1; i <= 7; i++) {
            String start = "2026-11-0" + i + "T09:00:00Z";
            log.append(new Scorecard(1, "2026110" + i + "-090000-relu", Scorecard.INTERVIEW, "relu", "activations", "easy", start, start,
                    45, 30L, i % 2 == 0 ? null : 100L * i, i % 2 != 0, i % 2 == 0 ? Scorecard.GAVE_UP : Scorecard.PASSED, i, i - 1, List.of(), List.of(), "w"));
        }
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        Report solved = Report.of("katas", false, 1, List.of(new KataReport("sigmoid", "activations", "Sigmoid", Status.PASSED, 1,
                List.of(CheckReport.passed("c", CheckKind.ORACLE)))));
        solved = new Report(solved.schemaVersion(), now.minus(Duration.ofDays(5)).toString(), solved.runId(), solved.subject(), solved.strict(),
                solved.seed(), solved.summary(), solved.katas());
        Files.writeString(root.resolve(".kata/history.jsonl"), ReportFiles.JSON.writeValueAsString(solved) + "\n");

        Practice p = PracticeSummaries.of(root, Catalogue.standard(), now);
        assertThat(p.interviews()).extracting(Practice.InterviewSummary::startedAt).containsExactly(
                "2026-11-07T09:00:00Z", "2026-11-06T09:00:00Z", "2026-11-05T09:00:00Z", "2026-11-04T09:00:00Z", "2026-11-03T09:00:00Z");
        assertThat(p.interviews().get(0)).isEqualTo(new Practice.InterviewSummary("relu", "2026-11-07T09:00:00Z", true, 700L, 6, 7));
        assertThat(p.interviews().get(1).secondsToPass()).isNull();
        assertThat(p.overdue()).containsExactly(new Practice.OverdueReview("sigmoid", 4));
    }
}
