package katagym.sorting;

import katagym.grader.check.Checks;
import katagym.grader.check.Counter;
import java.util.ArrayList;
import java.util.List;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class SelectionSortSpec implements KataSpec<SelectionSort> {
    @Override
    public Class<SelectionSort> contract() { return SelectionSort.class; }

    @Override
    public List<Check<SelectionSort>> checks() {
        List<Check<SelectionSort>> checks = new ArrayList<>(SortChecks.<SelectionSort>common(false));
        checks.add(Check.<SelectionSort>ops("exactlyNChooseTwoComparisonsOnEveryShape", ctx -> ctx.forAll(SortInputs.anyShape(0, 120), in -> {
            Counter c = new Counter();
            SortChecks.sortedPermutation(in.items(), SortChecks.sorted(ctx.subject(), in.items(), c));
            c.exactly("comparisons on " + in.shape() + " input of length " + in.n(), (long) in.n() * (in.n() - 1) / 2);
        })).enforces("exactCount")
            .hint("Pass i scans items[i+1..n) against the smallest seen so far: n - 1 - i comparisons, never one against itself, no early exit."));
        checks.add(Check.<SelectionSort>ops("exactlyNChooseTwoComparisonsWithDuplicateKeys", ctx -> ctx.forAll(SortChecks.records(), in -> {
            Counter c = new Counter();
            SortChecks.sorted(ctx.subject(), in, c);
            c.exactly("comparisons on input of length " + in.length, (long) in.length * (in.length - 1) / 2);
        })).enforces("exactCount")
            .hint("Duplicates change nothing: one comparison per candidate, whether or not it ties the minimum."));
        checks.add(Check.<SelectionSort>example("handWorkedCounts", ctx -> {
            ctx.example("items = [2@0, 1@1, 2@2, 0@3] (the statement's example: 6 comparisons)", () ->
                Checks.equal("comparisons", 6L, SortChecks.comparisons(ctx.subject(), SortInputs.keyed(2, 1, 2, 0))));
            ctx.example("items = [0@0, 1@1, 2@2] (sorted: still 3 comparisons)", () ->
                Checks.equal("comparisons", 3L, SortChecks.comparisons(ctx.subject(), SortInputs.keyed(0, 1, 2))));
        }).enforces("exactCount")
            .hint("Count by hand: n = 4 gives 3 + 2 + 1 = 6 comparisons, sorted or not."));
        return checks;
    }
}
