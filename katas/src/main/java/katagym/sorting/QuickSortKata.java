package katagym.sorting;

import java.util.Comparator;
import katagym.NotImplementedYet;

/**
 * Kata {@code quick-sort}.
 * Statement: katas/src/main/resources/statements/quick-sort.md ({@code ./kata show quick-sort}).
 */
public final class QuickSortKata implements QuickSort {

    /**
     * Sorts {@code items} in place with quick sort, comparing only through {@code order}. At most
     * 4 n log2 n + 4n comparisons on every input, sorted, reverse-sorted and all-equal included, and
     * deterministic: pick the pivot as the middle element or the median of three, and partition so that
     * keys equal to the pivot split evenly (Hoare) or are set aside (three-way). Stability is not required.
     */
    @Override
    public <T> void sort(T[] items, Comparator<? super T> order) {
        throw new NotImplementedYet("QuickSortKata.sort");
    }
}
