package katagym.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreakTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void consecutiveDaysEndingTodayOrYesterdayCount() {
        assertThat(Streak.days(Set.of(TODAY, TODAY.minusDays(1), TODAY.minusDays(2), TODAY.minusDays(4)), TODAY)).isEqualTo(3);
        assertThat(Streak.days(Set.of(TODAY.minusDays(1), TODAY.minusDays(2)), TODAY)).as("today not over yet").isEqualTo(2);
        assertThat(Streak.days(Set.of(TODAY.minusDays(2)), TODAY)).as("a missed day ends it").isZero();
        assertThat(Streak.days(Set.of(), TODAY)).isZero();
    }
}
