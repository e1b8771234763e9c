package katagym.grader.cli;

import java.util.List;
import katagym.grader.feedback.FeedbackBench;

/** The feedback benchmark's table, as {@code ./kata feedback-bench} and the project's tests print it. */
public final class FeedbackBenchReport {
    private FeedbackBenchReport() {}

    public static void print(FeedbackBench.Result r, java.io.PrintStream out) {
        int bugs = r.bugs().size();
        int[] sizes = r.scalarCounts();
        out.println();
        out.printf("Feedback benchmark: %d fixture bugs × %d seeds = %d gradings in %.1f s%n", bugs, r.seeds(), r.gradings().size(), r.millis() / 1000.0);
        out.printf("  %-62s %5d/%d  %s%n", "caught on the first seed", r.caughtOnFirstSeed(), bugs, FeedbackBench.pct((double) r.caughtOnFirstSeed() / Math.max(1, bugs)));
        out.printf("  %-62s %5d/%d  %s   (target: all)%n", "caught on every one of the " + r.seeds() + " seeds", r.caughtOnEverySeed(), bugs,
                FeedbackBench.pct((double) r.caughtOnEverySeed() / Math.max(1, bugs)));
        out.printf("  %-62s %s   (target ≤ %s)%n", "leads that are plain comparisons with the reference", FeedbackBench.pct(r.oracleLeadShare()),
                FeedbackBench.pct(FeedbackBench.MAX_ORACLE_LEADS));
        out.printf("  %-62s %s%n", "kinds of the leads", String.join(", ", r.leadKinds().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList()));
        out.printf("  %-62s %s   (target ≤ %s)%n", "leads at the tolerance edge (difference < 1000 × tolerance)", FeedbackBench.pct(r.edgeLeadShare()),
                FeedbackBench.pct(FeedbackBench.MAX_EDGE_LEADS));
        out.printf("  %-62s median %d, p90 %d   (targets ≤ %d, ≤ %d)%n", "counterexample size in scalars", FeedbackBench.percentile(sizes, 50),
                FeedbackBench.percentile(sizes, 90), FeedbackBench.MAX_MEDIAN_SCALARS, FeedbackBench.MAX_P90_SCALARS);
        out.printf("  %-62s %s   (target ≥ %s)%n", "numbers that are small integers or short fractions", FeedbackBench.pct(r.simpleScalarShare()),
                FeedbackBench.pct(FeedbackBench.MIN_SIMPLE_SCALARS));
        for (String m : r.missed()) out.println("  missed: " + m);
        List<String> targets = r.targetsMissed();
        out.println(targets.isEmpty() ? "  every target met" : "  targets missed: " + String.join("; ", targets));
    }
}
