package katagym.sorting;

import java.util.ArrayList;
import java.util.List;
import katagym.grader.check.Checks;
import katagym.grader.check.Counter;
import katagym.grader.prop.Keyed;
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
        checks.add(SortChecks.<HeapSort>atMost("atMost2NCeilLog2NPlus2NComparisons", SortInputs.anyShape(0, 200),
                "2 n ceil(log2 n) + 2n", in -> bound(in.n()))
            .enforces("bound")
            .hint("Build the heap once, bottom-up from the last parent n/2 - 1 down to 0; after each swap of the root to the end, sift only the new root down."));
        checks.add(Check.<HeapSort>ops("atMost2NCeilLog2NPlus2NComparisonsWithDuplicateKeys", ctx -> ctx.forAll(SortChecks.records(), in -> {
            Counter c = new Counter();
            SortChecks.sorted(ctx.subject(), in, c);
            c.atMost("comparisons on input of length " + in.length + " (2 n ceil(log2 n) + 2n)", bound(in.length));
        })).enforces("bound")
            .hint("Equal keys stop a sift-down early (the parent is not smaller): use >= 0 to stop, not > 0."));
        checks.add(Check.<HeapSort>example("boundHoldsOnLargeSortedInput", ctx -> {
            for (int n : new int[] {1000, 2000, 4096}) {
                ctx.example("sorted input of length " + n + " (where an O(n log n) sift-up build exceeds the bound)", () -> {
                    Keyed[] in = SortInputs.ascending(n);
                    Counter c = new Counter();
                    Keyed[] out = SortChecks.sorted(ctx.subject(), in, c);
                    c.atMost("comparisons on sorted input of length " + n + " (2 n ceil(log2 n) + 2n)", bound(n));
                    Checks.that(java.util.Arrays.equals(in, out), () -> "sorted input of length " + n + " came out changed");
                });
            }
        }).enforces("bound")
            .hint("Inserting the elements one by one and sifting each up costs O(n log n) before the first extraction; sift the parents down, last parent first: O(n)."));
        return checks;
    }
}
