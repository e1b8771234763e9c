package katagym.sorting;

import java.util.Comparator;
import katagym.NotImplementedYet;

/**
 * Kata {@code selection-sort}.
 * Statement: katas/src/main/resources/statements/selection-sort.md ({@code ./kata show selection-sort}).
 */
public final class SelectionSortKata implements SelectionSort {

    /**
     * Sorts {@code items} in place: for each position i, find the smallest element of items[i..n)
     * and swap it into place. Compare only through {@code order}: exactly n(n - 1)/2 comparisons on
     * every input. Stability is not required.
     */
    @Override
    public <T> void sort(T[] items, Comparator<? super T> order) {
        throw new NotImplementedYet("SelectionSortKata.sort");
    }
}
