package katagym.sorting;

import java.util.ArrayList;
import java.util.List;
import katagym.grader.check.Counter;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class BubbleSortSpec implements KataSpec<BubbleSort> {
    @Override
    public Class<BubbleSort> contract() { return BubbleSort.class; }

    @Override
    public List<Check<BubbleSort>> checks() {
        List<Check<BubbleSort>> checks = new ArrayList<>(SortChecks.<BubbleSort>common(true));
        checks.add(Check.<BubbleSort>ops("sortedInputTakesNMinusOneComparisons", ctx -> ctx.forAll(SortChecks.sortedRecords(), in -> {
            Counter c = new Counter();
            SortChecks.sorted(ctx.subject(), in, c);
            c.atMost("comparisons on sorted input of length " + in.length, Math.max(0, in.length - 1));
        })).hint("Remember whether a pass swapped anything; a pass without a swap proves the array sorted, so stop."));
        checks.add(Check.<BubbleSort>ops("atMostNChooseTwoComparisons", ctx -> ctx.forAll(SortInputs.anyShape(0, 120), in -> {
            Counter c = new Counter();
            SortChecks.sorted(ctx.subject(), in.items(), c);
            c.atMost("comparisons on " + in.shape() + " input of length " + in.n(), (long) in.n() * (in.n() - 1) / 2);
        })).hint("After pass k the k largest elements sit at the end: the next pass can stop one position earlier."));
        return checks;
    }
}
