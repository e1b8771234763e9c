package katagym.sorting;

import java.util.Comparator;
import katagym.NotImplementedYet;

/**
 * Kata {@code insertion-sort}.
 * Statement: katas/src/main/resources/statements/insertion-sort.md ({@code ./kata show insertion-sort}).
 */
public final class InsertionSortKata implements InsertionSort {

    /**
     * Sorts {@code items} in place, stably (equal elements keep their order), comparing only through
     * {@code order}. Sorted input must cost exactly n - 1 comparisons.
     */
    @Override
    public <T> void sort(T[] items, Comparator<? super T> order) {
        throw new NotImplementedYet("InsertionSortKata.sort");
    }
}
