package katagym.grader.practice;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import katagym.grader.catalogue.Catalogue;

/**
 * Strict mode for spaced review, opt-in: {@code -Dkata.strictReview=N} (Maven) or
 * {@code ./kata grade --strict-review N} fails the run when a solved kata's review is more than N whole
 * days overdue, so a study group can hold its members to their reviews as {@code kata.strict} holds them
 * to their katas.
 */
public final class StrictReview {
    public static final String PROPERTY = "kata.strictReview";

    private StrictReview() {}

    /** The limit in days from {@code -Dkata.strictReview}, absent when not set (the default: reviews never fail a run). */
    public static OptionalInt limitFromSystemProperties() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) return OptionalInt.empty();
        try {
            int days = Integer.parseInt(v.trim());
            if (days < 0) throw new NumberFormatException();
            return OptionalInt.of(days);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " takes a whole number of days (0 or more), not '" + v + "'");
        }
    }

    /** The reviews overdue by more than {@code days} whole days, most overdue first. */
    public static List<DueItems.DueKata> overdueBeyond(Path root, Catalogue catalogue, Instant now, int days) {
        return DueItems.read(root, catalogue, now).dueKatas().stream().filter(d -> d.daysOverdue() > days).toList();
    }

    /** Why the run fails: the katas, how late, and what to do. */
    public static String message(List<DueItems.DueKata> late, int days) {
        return "strict review: " + late.size() + (late.size() == 1 ? " review is" : " reviews are") + " more than " + days
                + (days == 1 ? " day" : " days") + " overdue: " + String.join(", ",
                late.stream().map(d -> d.slug() + " (" + DueItems.overdue(d.daysOverdue()) + ")").toList()) + "; run ./kata review";
    }

}
