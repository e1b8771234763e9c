package katagym.sorting;

import java.util.ArrayList;
import java.util.List;
import katagym.grader.check.Counter;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class InsertionSortSpec implements KataSpec<InsertionSort> {
    @Override
    public Class<InsertionSort> contract() { return InsertionSort.class; }

    @Override
    public List<Check<InsertionSort>> checks() {
        List<Check<InsertionSort>> checks = new ArrayList<>(SortChecks.<InsertionSort>common(true));
        checks.add(Check.<InsertionSort>ops("sortedInputTakesNMinusOneComparisons", ctx -> ctx.forAll(SortChecks.sortedRecords(), in -> {
            Counter c = new Counter();
            SortChecks.sorted(ctx.subject(), in, c);
            c.atMost("comparisons on sorted input of length " + in.length, Math.max(0, in.length - 1));
        })).hint("Stop shifting as soon as the element to the left is not greater: on sorted input each element costs one comparison."));
        checks.add(Check.<InsertionSort>ops("atMostNChooseTwoComparisons", ctx -> ctx.forAll(SortChecks.records(), in -> {
            Counter c = new Counter();
            SortChecks.sorted(ctx.subject(), in, c);
            c.atMost("comparisons on input of length " + in.length, (long) in.length * (in.length - 1) / 2);
        })));
        return checks;
    }
}
