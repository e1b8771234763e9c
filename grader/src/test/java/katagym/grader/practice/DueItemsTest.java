package katagym.grader.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.report.CheckReport;
import katagym.grader.report.KataReport;
import katagym.grader.report.Report;
import katagym.grader.report.Status;
import katagym.grader.spec.CheckKind;
import katagym.grader.drill.DrillLog;
import org.junit.jupiter.api.Test;

class DueItemsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Catalogue CATALOGUE = Catalogue.standard();

    private static Instant day(double d) { return T0.plus(Duration.ofMinutes((long) (d * 24 * 60))); }

    private static Report run(Instant at, String slug, Status status) {
        Report r = Report.of("katas", false, 1, List.of(new KataReport(slug, "activations", slug, status, 1,
                List.of(new CheckReport("c", CheckKind.ORACLE, status, null, null, null)))));
        return new Report(r.schemaVersion(), at.toString(), r.runId(), r.subject(), r.strict(), r.seed(), r.summary(), r.katas());
    }

    private static Scorecard review(Instant end, String slug, boolean passed, int hints) {
        return new Scorecard(1, "x", Scorecard.REVIEW, slug, "activations", "easy", end.minusSeconds(600).toString(), end.toString(),
                20, passed ? 300L : null, passed ? 300L : null, passed, passed ? Scorecard.PASSED : Scorecard.TIME_UP, 1, hints, List.of(), List.of(), "w");
    }

    @Test
    void aKataComesDueOneDayAfterItsFirstPassNotAfterLaterOnes() {
        List<Report> history = List.of(run(T0, "sigmoid", Status.FAILED), run(day(1), "sigmoid", Status.PASSED),
                run(day(1.5), "sigmoid", Status.PASSED));
        assertThat(DueItems.of(CATALOGUE, history, List.of(), List.of(), day(1.9)).dueKatas()).isEmpty();
        DueItems at = DueItems.of(CATALOGUE, history, List.of(), List.of(), day(4.5));
        assertThat(at.dueKatas()).singleElement().satisfies(d -> {
            assertThat(d.slug()).isEqualTo("sigmoid");
            assertThat(d.due()).isEqualTo(day(2));
            assertThat(d.daysOverdue()).isEqualTo(2);
        });
        assertThat(at.summaryLine()).isEqualTo("Due for review: sigmoid (2 days overdue) — ./kata review");
    }

    @Test
    void aCleanReviewLengthensTheIntervalAndAFailedOrHintedOneShortensIt() {
        List<Report> history = List.of(run(T0, "sigmoid", Status.PASSED));
        var clean = DueItems.of(CATALOGUE, history, List.of(review(day(1), "sigmoid", true, 0)), List.of(), day(1));
        assertThat(clean.upcoming()).singleElement().satisfies(d -> assertThat(d.due()).isEqualTo(day(4)));
        var twoClean = DueItems.of(CATALOGUE, history, List.of(review(day(1), "sigmoid", true, 0), review(day(4), "sigmoid", true, 0)), List.of(), day(4));
        assertThat(twoClean.upcoming().get(0).due()).isEqualTo(day(11));
        var thenFailed = DueItems.of(CATALOGUE, history, List.of(review(day(1), "sigmoid", true, 0), review(day(4), "sigmoid", true, 0),
                review(day(11), "sigmoid", false, 0)), List.of(), day(11));
        assertThat(thenFailed.upcoming().get(0).due()).as("one step down: 3 days").isEqualTo(day(14));
        var hinted = DueItems.of(CATALOGUE, history, List.of(review(day(1), "sigmoid", true, 0), review(day(4), "sigmoid", true, 1)), List.of(), day(4));
        assertThat(hinted.upcoming().get(0).due()).as("a pass with a hint is not clean").isEqualTo(day(5));
    }

    @Test
    void aKataNeverPassedIsNotReviewedAndTheMostOverdueComesFirst() {
        List<Report> history = List.of(run(T0, "tanh", Status.FAILED), run(T0, "relu", Status.PASSED), run(day(2), "sigmoid", Status.PASSED));
        DueItems d = DueItems.of(CATALOGUE, history, List.of(), List.of(), day(10));
        assertThat(d.dueKatas()).extracting(DueItems.DueKata::slug).containsExactly("relu", "sigmoid");
    }

    @Test
    void drillsAreCountedOnTheSameScheduleACorrectAnswerBeingClean() {
        List<DrillLog.Answer> drills = List.of(answer("a", true, T0), answer("b", false, T0), answer("c", true, T0), answer("c", true, day(1)));
        assertThat(DueItems.of(CATALOGUE, List.of(), List.of(), drills, day(1.5)).drillsDue()).as("a due, c moved to 3 days, b never right").isEqualTo(1);
        assertThat(DueItems.of(CATALOGUE, List.of(), List.of(), drills, day(4)).drillsDue()).isEqualTo(2);
        assertThat(DueItems.of(CATALOGUE, List.of(), List.of(), drills, day(4)).summaryLine()).isEqualTo("2 drills due: ./kata drill --due");
    }

    private static DrillLog.Answer answer(String drill, boolean correct, Instant at) {
        return new DrillLog.Answer(drill, "peft", List.of("P5"), correct, correct ? "right" : "wrong", at.toString());
    }
}
