package katagym.sorting;

import java.util.ArrayList;
import java.util.List;
import katagym.grader.check.Checks;
import katagym.grader.check.Counter;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class MergeSortSpec implements KataSpec<MergeSort> {
    @Override
    public Class<MergeSort> contract() { return MergeSort.class; }

    static long bound(int n) { return n * SortChecks.ceilLog2(n); }

    @Override
    public List<Check<MergeSort>> checks() {
        List<Check<MergeSort>> checks = new ArrayList<>(SortChecks.<MergeSort>common(true));
        checks.add(SortChecks.<MergeSort>atMost("atMostNCeilLog2NComparisons", SortInputs.anyShape(0, 200),
                "n ceil(log2 n)", in -> bound(in.n()))
            .enforces("bound")
            .hint("Split in halves, sort each, merge with one comparison per element taken; once one half is empty copy the rest without comparing."));
        checks.add(Check.<MergeSort>ops("atMostNCeilLog2NComparisonsWithDuplicateKeys", ctx -> ctx.forAll(SortChecks.records(), in -> {
            Counter c = new Counter();
            SortChecks.sorted(ctx.subject(), in, c);
            c.atMost("comparisons on input of length " + in.length + " (n ceil(log2 n))", bound(in.length));
        })).enforces("bound")
            .hint("Ties cost one comparison like any other pair: take from the left run and move on, never compare the same pair twice."));
        checks.add(Check.<MergeSort>example("handWorkedCounts", ctx -> {
            ctx.example("reverse-sorted, n = 2..17 (a small-run insertion sort exceeds n ceil(log2 n) here)", () -> {
                for (int n = 2; n <= 17; n++) {
                    int[] keys = new int[n];
                    for (int i = 0; i < n; i++) keys[i] = n - 1 - i;
                    long used = SortChecks.comparisons(ctx.subject(), SortInputs.keyed(keys));
                    int m = n;
                    Checks.that(used <= bound(n), () -> "reverse-sorted input of length " + m + ": " + used + " comparisons, at most " + bound(m) + " allowed");
                }
            });
        }).enforces("bound")
            .hint("Merge sort down to runs of one element: an insertion sort for short runs costs n(n - 1)/2 on a reversed run, more than the merges."));
        return checks;
    }
}
