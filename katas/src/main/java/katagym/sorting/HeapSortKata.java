package katagym.sorting;

import java.util.Comparator;
import katagym.NotImplementedYet;

/**
 * Kata {@code heap-sort}.
 * Statement: katas/src/main/resources/statements/heap-sort.md ({@code ./kata show heap-sort}).
 */
public final class HeapSortKata implements HeapSort {

    /**
     * Sorts {@code items} in place with heap sort: build a max-heap in the array (children of i at
     * 2i + 1 and 2i + 2), then repeatedly swap the root behind the heap and sift the new root down.
     * Compare only through {@code order}: at most 2 n ceil(log2 n) + 2n comparisons. Stability is not required.
     */
    @Override
    public <T> void sort(T[] items, Comparator<? super T> order) {
        throw new NotImplementedYet("HeapSortKata.sort");
    }
}
