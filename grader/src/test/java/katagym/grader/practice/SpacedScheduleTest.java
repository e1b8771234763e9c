package katagym.grader.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import katagym.grader.practice.SpacedSchedule.Attempt;
import org.junit.jupiter.api.Test;

class SpacedScheduleTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private static Instant day(int d) { return T0.plus(Duration.ofDays(d)); }

    @Test
    void anItemNeverSolvedCleanlyIsNotScheduled() {
        assertThat(SpacedSchedule.after(List.of())).isEmpty();
        assertThat(SpacedSchedule.after(List.of(new Attempt(T0, false)))).isEmpty();
    }

    @Test
    void theFirstCleanSolveComesDueAfterOneDay() {
        var s = SpacedSchedule.after(List.of(new Attempt(T0, false), new Attempt(T0.plusSeconds(60), true))).orElseThrow();
        assertThat(s.step()).isZero();
        assertThat(s.due()).isEqualTo(T0.plusSeconds(60).plus(Duration.ofDays(1)));
        assertThat(s.isDue(day(1))).isFalse();
        assertThat(s.isDue(day(1).plusSeconds(60))).isTrue();
    }

    @Test
    void cleanResolvesLengthenTheIntervalOneToThreeToSevenToTwentyOneToSixty() {
        List<Attempt> attempts = new java.util.ArrayList<>();
        Instant at = T0;
        List<Long> gaps = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            attempts.add(new Attempt(at, true));
            var s = SpacedSchedule.after(attempts).orElseThrow();
            gaps.add(Duration.between(at, s.due()).toDays());
            at = s.due();
        }
        assertThat(gaps).containsExactly(1L, 3L, 7L, 21L, 60L, 60L, 60L);
    }

    @Test
    void aFailureShortensTheIntervalButNeverBelowOneDay() {
        var s = SpacedSchedule.after(List.of(new Attempt(day(0), true), new Attempt(day(1), true), new Attempt(day(4), true),
                new Attempt(day(11), false))).orElseThrow();
        assertThat(s.interval()).isEqualTo(Duration.ofDays(3));
        assertThat(s.due()).isEqualTo(day(14));
        var again = SpacedSchedule.after(List.of(new Attempt(day(0), true), new Attempt(day(1), false), new Attempt(day(2), false))).orElseThrow();
        assertThat(again.interval()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void attemptsAreOrderedByTimeNotByListOrder() {
        var ordered = SpacedSchedule.after(List.of(new Attempt(day(0), true), new Attempt(day(1), true), new Attempt(day(4), false)));
        var shuffled = SpacedSchedule.after(List.of(new Attempt(day(4), false), new Attempt(day(0), true), new Attempt(day(1), true)));
        assertThat(shuffled).isEqualTo(ordered);
    }

    @Test
    void daysOverdueCountsWholeDaysPastTheDueDate() {
        var s = SpacedSchedule.after(List.of(new Attempt(T0, true))).orElseThrow();
        assertThat(s.daysOverdue(day(0))).isZero();
        assertThat(s.daysOverdue(day(1))).isZero();
        assertThat(s.daysOverdue(day(4))).isEqualTo(3);
    }
}
