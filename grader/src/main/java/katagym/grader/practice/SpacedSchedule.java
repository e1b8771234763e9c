package katagym.grader.practice;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When a solved kata (or an answered drill) comes due again. Intervals grow 1, 3, 7, 21, 60 days: the
 * first clean solve schedules the first interval, each clean re-solve moves one step up, a failed
 * attempt moves one step down (never below the first). Pure: the caller passes the attempts and the
 * clock, so tests can move time.
 */
public final class SpacedSchedule {
    public static final List<Duration> INTERVALS = List.of(
            Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(21), Duration.ofDays(60));

    /** One attempt at an item: when, and whether it was clean (passed, within time, no hints). */
    public record Attempt(Instant at, boolean clean) {}

    /** The item's place on the ladder after its attempts: the interval step, and when it is due. */
    public record State(int step, Instant due) {
        public Duration interval() { return INTERVALS.get(step); }
        public boolean isDue(Instant now) { return !now.isBefore(due); }
        /** Whole days past the due date (0 when due today or not yet due). */
        public long daysOverdue(Instant now) { return isDue(now) ? Duration.between(due, now).toDays() : 0; }
    }

    private SpacedSchedule() {}

    /**
     * The state after {@code attempts} (any order). Empty until the first clean attempt: a kata never
     * solved is not reviewed, it is next.
     */
    public static Optional<State> after(List<Attempt> attempts) {
        List<Attempt> sorted = attempts.stream().sorted(Comparator.comparing(Attempt::at)).toList();
        Integer step = null;
        Instant last = null;
        for (Attempt a : sorted) {
            if (step == null) {
                if (!a.clean()) continue;
                step = 0;
            } else {
                step = a.clean() ? Math.min(step + 1, INTERVALS.size() - 1) : Math.max(step - 1, 0);
            }
            last = a.at();
        }
        if (step == null) return Optional.empty();
        return Optional.of(new State(step, last.plus(INTERVALS.get(step))));
    }
}
