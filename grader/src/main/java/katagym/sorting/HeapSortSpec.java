package katagym.sorting;

import java.util.ArrayList;
import java.util.List;
import katagym.grader.check.Counter;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class HeapSortSpec implements KataSpec<HeapSort> {
    @Override
    public Class<HeapSort> contract() { return HeapSort.class; }

    /** 2 n ceil(log2 n) + 2n: building the heap costs at most 2n, each sift-down at most 2 per level. */
    static long bound(int n) { return 2L * n * SortChecks.ceilLog2(n) + 2L * n; }

    @Override
    public List<Check<HeapSort>> checks() {
        List<Check<HeapSort>> checks = new ArrayList<>(SortChecks.<HeapSort>common(false));
        checks.add(Check.<HeapSort>ops("atMost2NCeilLog2NPlus2NComparisons", ctx -> ctx.forAll(SortInputs.anyShape(0, 200), in -> {
            Counter c = new Counter();
            SortChecks.sorted(ctx.subject(), in.items(), c);
            c.atMost("comparisons on " + in.shape() + " input of length " + in.n() + " (2 n ceil(log2 n) + 2n)", bound(in.n()));
        })).hint("Build the heap once, bottom-up from the last parent n/2 - 1 down to 0; after each swap of the root to the end, sift only the new root down."));
        checks.add(Check.<HeapSort>ops("atMost2NCeilLog2NPlus2NComparisonsWithDuplicateKeys", ctx -> ctx.forAll(SortChecks.records(), in -> {
            Counter c = new Counter();
            SortChecks.sorted(ctx.subject(), in, c);
            c.atMost("comparisons on input of length " + in.length + " (2 n ceil(log2 n) + 2n)", bound(in.length));
        })));
        return checks;
    }
}
