package katagym.sorting;

import java.util.Comparator;

/** Correct insertion sorts written unlike the reference. */
final class InsertionSortAlternatives {
    private InsertionSortAlternatives() {}

    /** Moves x left by adjacent swaps instead of shifting: the same comparisons, twice the writes. */
    static final class AdjacentSwaps implements InsertionSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            for (int i = 1; i < items.length; i++) {
                for (int j = i; j > 0 && order.compare(items[j - 1], items[j]) > 0; j--) {
                    T t = items[j]; items[j] = items[j - 1]; items[j - 1] = t;
                }
            }
        }
    }

    /** Grows a sorted suffix from the right, inserting items[i] into items[i+1..n) and shifting only strictly smaller keys left. */
    static final class SortedSuffixFromTheRight implements InsertionSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            for (int i = items.length - 2; i >= 0; i--) {
                T x = items[i];
                int j = i + 1;
                while (j < items.length && order.compare(items[j], x) < 0) {
                    items[j - 1] = items[j];
                    j++;
                }
                items[j - 1] = x;
            }
        }
    }
}
