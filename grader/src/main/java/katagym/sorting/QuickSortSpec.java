package katagym.sorting;

import java.util.ArrayList;
import java.util.List;
import katagym.grader.check.Checks;
import katagym.grader.check.Counter;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class QuickSortSpec implements KataSpec<QuickSort> {
    @Override
    public Class<QuickSort> contract() { return QuickSort.class; }

    /** 4 n log2 n + 4n: about three times what median-of-three quick sort needs; a quadratic sort exceeds it from n of about 60. */
    static long bound(int n) {
        return n <= 1 ? 0 : (long) Math.ceil(4 * n * (Math.log(n) / Math.log(2))) + 4L * n;
    }

    @Override
    public List<Check<QuickSort>> checks() {
        List<Check<QuickSort>> checks = new ArrayList<>(SortChecks.<QuickSort>common(false));
        checks.add(Check.<QuickSort>ops("noQuadraticBlowUpOnSortedOrReversedInput", ctx -> ctx.forAll(
                SortInputs.shaped(2, 400, SortInputs.SORTED, SortInputs.REVERSED), in -> {
            Counter c = new Counter();
            SortChecks.sorted(ctx.subject(), in.items(), c);
            c.atMost("comparisons on " + in.shape() + " input of length " + in.n() + " (4 n log2 n + 4n)", bound(in.n()));
        })).hint("The first (or last) element as pivot splits sorted input into 0 and n - 1: take the middle element, or the median of first, middle and last."));
        checks.add(Check.<QuickSort>ops("noQuadraticBlowUpOnAllEqualInput", ctx -> ctx.forAll(
                SortInputs.shaped(2, 400, SortInputs.ALL_EQUAL, SortInputs.DUPLICATES), in -> {
            Counter c = new Counter();
            SortChecks.sorted(ctx.subject(), in.items(), c);
            c.atMost("comparisons on " + in.shape() + " input of length " + in.n() + " (4 n log2 n + 4n)", bound(in.n()));
        })).hint("A Lomuto partition puts every element equal to the pivot on one side. Stop both Hoare scans on equal keys (and swap), or partition three ways: < pivot, = pivot, > pivot."));
        checks.add(Check.<QuickSort>ops("atMost4NLog2NComparisonsOnShuffledInput", ctx -> ctx.forAll(
                SortInputs.shaped(2, 400, SortInputs.SHUFFLED), in -> {
            Counter c = new Counter();
            SortChecks.sorted(ctx.subject(), in.items(), c);
            c.atMost("comparisons on " + in.shape() + " input of length " + in.n() + " (4 n log2 n + 4n)", bound(in.n()));
        })));
        checks.add(Check.<QuickSort>ops("deterministic", ctx -> ctx.forAll(SortInputs.anyShape(0, 60), in -> {
            Counter first = new Counter();
            Counter second = new Counter();
            SortChecks.sorted(ctx.subject(), in.items(), first);
            SortChecks.sorted(ctx.subject(), in.items(), second);
            Checks.that(first.count() == second.count(), () -> "two sorts of the same " + in.shape() + " input cost "
                    + first.count() + " and " + second.count() + " comparisons: choose the pivot deterministically (or seed the random generator inside sort)");
        })));
        return checks;
    }
}
