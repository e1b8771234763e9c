package katagym.grader.report;

import java.time.LocalDate;
import java.util.Collection;

/** A learner's streak: the CLI's progress and the dashboard count it the same way. */
public final class Streak {
    private Streak() {}

    /**
     * Days in a row with a passing run, ending today, or yesterday when today has none yet (a streak
     * is not lost before the day is over).
     */
    public static int days(Collection<LocalDate> passDays, LocalDate today) {
        LocalDate day = passDays.contains(today) ? today : today.minusDays(1);
        int n = 0;
        while (passDays.contains(day)) {
            n++;
            day = day.minusDays(1);
        }
        return n;
    }
}
