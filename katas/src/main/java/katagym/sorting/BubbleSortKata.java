package katagym.sorting;

import java.util.Comparator;
import katagym.NotImplementedYet;

/**
 * Kata {@code bubble-sort}.
 * Statement: katas/src/main/resources/statements/bubble-sort.md ({@code ./kata show bubble-sort}).
 */
public final class BubbleSortKata implements BubbleSort {

    /**
     * Sorts {@code items} in place, stably, by swapping adjacent elements that are out of order,
     * comparing only through {@code order}. Stop as soon as a pass makes no swap: sorted input must
     * cost exactly n - 1 comparisons, any input at most n(n - 1)/2.
     */
    @Override
    public <T> void sort(T[] items, Comparator<? super T> order) {
        throw new NotImplementedYet("BubbleSortKata.sort");
    }
}
