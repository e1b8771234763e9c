package katagym.sorting;

import java.util.Comparator;
import katagym.NotImplementedYet;

/**
 * Kata {@code merge-sort}.
 * Statement: katas/src/main/resources/statements/merge-sort.md ({@code ./kata show merge-sort}).
 */
public final class MergeSortKata implements MergeSort {

    /**
     * Sorts {@code items} stably (equal elements keep their order) with top-down or bottom-up merge
     * sort; a scratch buffer is allowed, but the result must end up in {@code items}. Compare only
     * through {@code order}: at most n * ceil(log2 n) comparisons.
     */
    @Override
    public <T> void sort(T[] items, Comparator<? super T> order) {
        throw new NotImplementedYet("MergeSortKata.sort");
    }
}
