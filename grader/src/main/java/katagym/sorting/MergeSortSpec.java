package katagym.sorting;

import java.util.ArrayList;
import java.util.List;
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
        checks.add(Check.<MergeSort>ops("atMostNCeilLog2NComparisons", ctx -> ctx.forAll(SortInputs.anyShape(0, 200), in -> {
            Counter c = new Counter();
            SortChecks.sorted(ctx.subject(), in.items(), c);
            c.atMost("comparisons on " + in.shape() + " input of length " + in.n() + " (n ceil(log2 n))", bound(in.n()));
        })).hint("Split in halves, sort each, merge with one comparison per element taken; once one half is empty copy the rest without comparing."));
        checks.add(Check.<MergeSort>ops("atMostNCeilLog2NComparisonsWithDuplicateKeys", ctx -> ctx.forAll(SortChecks.records(), in -> {
            Counter c = new Counter();
            SortChecks.sorted(ctx.subject(), in, c);
            c.atMost("comparisons on input of length " + in.length + " (n ceil(log2 n))", bound(in.length));
        })));
        return checks;
    }
}
