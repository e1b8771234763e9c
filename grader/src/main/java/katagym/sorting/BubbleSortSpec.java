package katagym.sorting;

import java.util.ArrayList;
import java.util.List;
import katagym.grader.prop.Keyed;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class BubbleSortSpec implements KataSpec<BubbleSort> {
    @Override
    public Class<BubbleSort> contract() { return BubbleSort.class; }

    /**
     * The comparisons of bubble sort with early exit and shrinking passes: each pass moves every element
     * that has greater elements before it one place left, so L (the most greater elements before any
     * one element) passes sort the array, one more pass proves it, and pass p compares n - p pairs.
     */
    static long earlyExitBound(Keyed[] a) {
        int n = a.length;
        if (n < 2) return 0;
        int most = 0;
        for (int i = 0; i < n; i++) {
            int greater = 0;
            for (int j = 0; j < i; j++) if (a[j].key() > a[i].key()) greater++;
            most = Math.max(most, greater);
        }
        long passes = Math.min(most + 1, n - 1);
        return passes * n - passes * (passes + 1) / 2;
    }

    @Override
    public List<Check<BubbleSort>> checks() {
        List<Check<BubbleSort>> checks = new ArrayList<>(SortChecks.<BubbleSort>common(true));
        checks.add(SortChecks.<BubbleSort>atMost("sortedInputTakesNMinusOneComparisons",
                SortInputs.shaped(0, 200, SortInputs.SORTED), "n - 1", in -> Math.max(0, in.n() - 1))
            .enforces("sortedInputBound")
            .hint("Remember whether a pass swapped anything; a pass without a swap proves the array sorted, so stop."));
        checks.add(SortChecks.<BubbleSort>atMost("atMostNChooseTwoComparisons", SortInputs.anyShape(0, 120),
                "n(n - 1)/2", in -> (long) in.n() * (in.n() - 1) / 2)
            .enforces("worstCaseBound")
            .hint("After pass k the k largest elements sit at the end: the next pass can stop one position earlier."));
        checks.add(SortChecks.<BubbleSort>atMost("noPassAfterTheFirstWithoutASwap",
                SortInputs.shaped(2, 120, SortInputs.NEARLY_SORTED, SortInputs.SHUFFLED, SortInputs.DUPLICATES, SortInputs.ALL_EQUAL),
                "min(L + 1, n - 1) passes of n - 1, n - 2, ... comparisons", in -> earlyExitBound(in.items()))
            .enforces("earlyExit")
            .hint("Reset the swapped flag at the start of every pass, not once before the first: nearly sorted input needs only a few passes."));
        return checks;
    }
}
