package katagym.grader.report;

import java.util.List;
import katagym.grader.spec.CheckKind;

/**
 * One kata's verdict in a run, with every check. {@code lead} names the failed check shown first:
 * the most specific one (an invariant, a gradient check, a stability case, an operation count, a
 * hand-worked example) before a golden vector, and a plain comparison with the reference last, because
 * the specific check says what is wrong and carries the hint for it. Null when nothing failed.
 */
public record KataReport(String slug, String topic, String title, Status status, long durationMs, String lead,
                         List<CheckReport> checks) {

    public KataReport {
        if (checks != null) checks = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(checks));
        if (lead == null && checks != null) lead = leadOf(checks); // reports of schema version 1 have no lead: derive it
    }

    public KataReport(String slug, String topic, String title, Status status, long durationMs, List<CheckReport> checks) {
        this(slug, topic, title, status, durationMs, null, checks);
    }

    /** The check to show first, or null when none failed. */
    public CheckReport leadCheck() {
        if (lead == null) return null;
        return checks.stream().filter(c -> c.status() == Status.FAILED && lead.equals(c.name())).findFirst()
                .orElseGet(() -> checks.stream().filter(c -> c.status() == Status.FAILED).findFirst().orElse(null));
    }

    /** The failed checks other than the lead, in spec order. */
    public List<CheckReport> otherFailures() {
        CheckReport first = leadCheck();
        return checks.stream().filter(c -> c.status() == Status.FAILED && c != first).toList();
    }

    /**
     * The name of the lead among these checks: the lowest {@link #rank}; among checks of that rank, the
     * smallest input that breaks the code (fewest scalars in its counterexample); then spec order.
     */
    public static String leadOf(List<CheckReport> checks) {
        CheckReport best = null;
        for (CheckReport c : checks) {
            if (c == null || c.status() != Status.FAILED) continue;
            if (best == null || rank(c.kind()) < rank(best.kind())
                    || rank(c.kind()) == rank(best.kind()) && size(c) < size(best)) best = c;
        }
        return best == null ? null : best.name();
    }

    /** Scalars in a check's counterexample; a failure without one counts as large (it shows no input). */
    private static int size(CheckReport c) {
        return c.counterexample() == null ? Integer.MAX_VALUE : katagym.grader.prop.Counterexamples.scalars(c.counterexample()).size();
    }

    /** 0 for checks that name a mistake (with their own hint), 1 for golden vectors, 2 for plain oracle comparisons. */
    static int rank(CheckKind kind) {
        if (kind == null) return 0;
        return switch (kind) {
            case ORACLE -> 2;
            case GOLDEN -> 1;
            default -> 0;
        };
    }
}
