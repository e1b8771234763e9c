package katagym.sorting;

import java.util.ArrayList;
import java.util.List;
import katagym.grader.prop.Keyed;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class InsertionSortSpec implements KataSpec<InsertionSort> {
    @Override
    public Class<InsertionSort> contract() { return InsertionSort.class; }

    /** Pairs i < j with items[i].key > items[j].key. */
    static long inversions(Keyed[] a) {
        long count = 0;
        for (int i = 0; i < a.length; i++) for (int j = i + 1; j < a.length; j++) if (a[i].key() > a[j].key()) count++;
        return count;
    }

    @Override
    public List<Check<InsertionSort>> checks() {
        List<Check<InsertionSort>> checks = new ArrayList<>(SortChecks.<InsertionSort>common(true));
        checks.add(SortChecks.<InsertionSort>atMost("sortedInputTakesNMinusOneComparisons",
                SortInputs.shaped(0, 200, SortInputs.SORTED), "n - 1", in -> Math.max(0, in.n() - 1))
            .enforces("sortedInputBound")
            .hint("Stop shifting as soon as the element to the left is not greater: on sorted input each element costs one comparison."));
        checks.add(SortChecks.<InsertionSort>atMost("atMostNChooseTwoComparisons", SortInputs.anyShape(0, 120),
                "n(n - 1)/2", in -> (long) in.n() * (in.n() - 1) / 2)
            .enforces("worstCaseBound")
            .hint("Compare each pair at most once: on reverse-sorted input x is compared with every element of the prefix, once, and no extra check before the loop."));
        checks.add(SortChecks.<InsertionSort>atMost("atMostInversionsPlusNMinusOneComparisons", SortInputs.anyShape(0, 120),
                "inversions + n - 1", in -> inversions(in.items()) + Math.max(0, in.n() - 1))
            .enforces("adaptiveBound")
            .hint("Each shift removes one inversion and costs one comparison; the comparison that stops the loop is the only extra one per element."));
        return checks;
    }
}
