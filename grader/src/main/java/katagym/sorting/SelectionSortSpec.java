package katagym.sorting;

import java.util.ArrayList;
import java.util.List;
import katagym.grader.check.Counter;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class SelectionSortSpec implements KataSpec<SelectionSort> {
    @Override
    public Class<SelectionSort> contract() { return SelectionSort.class; }

    @Override
    public List<Check<SelectionSort>> checks() {
        List<Check<SelectionSort>> checks = new ArrayList<>(SortChecks.<SelectionSort>common(false));
        checks.add(Check.<SelectionSort>ops("exactlyNChooseTwoComparisonsOnEveryInput", ctx -> ctx.forAll(SortInputs.anyShape(0, 120), in -> {
            Counter c = new Counter();
            SortChecks.sorted(ctx.subject(), in.items(), c);
            c.exactly("comparisons on " + in.shape() + " input of length " + in.n(), (long) in.n() * (in.n() - 1) / 2);
        })).hint("Pass i scans items[i+1..n) against the smallest seen so far: n - 1 - i comparisons, never one against itself."));
        checks.add(Check.<SelectionSort>ops("exactlyNChooseTwoComparisonsWithDuplicateKeys", ctx -> ctx.forAll(SortChecks.records(), in -> {
            Counter c = new Counter();
            SortChecks.sorted(ctx.subject(), in, c);
            c.exactly("comparisons on input of length " + in.length, (long) in.length * (in.length - 1) / 2);
        })));
        return checks;
    }
}
