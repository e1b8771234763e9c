package katagym.sorting;

import java.util.Comparator;

/** Correct selection sorts written unlike the reference. */
final class SelectionSortAlternatives {
    private SelectionSortAlternatives() {}

    /** Selects the maximum of items[0..end] and swaps it to the end, end = n - 1 down to 1. */
    static final class MaximumToTheEnd implements SelectionSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            for (int end = items.length - 1; end > 0; end--) {
                int max = 0;
                for (int j = 1; j <= end; j++) if (order.compare(items[j], items[max]) >= 0) max = j;
                T t = items[end]; items[end] = items[max]; items[max] = t;
            }
        }
    }

    /** Keeps the last of equal minima (<= instead of <) and skips the swap when the minimum is already in place. */
    static final class LastOfEqualMinima implements SelectionSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            for (int i = 0; i < items.length - 1; i++) {
                int min = i;
                for (int j = i + 1; j < items.length; j++) if (order.compare(items[j], items[min]) <= 0) min = j;
                if (min != i) { T t = items[i]; items[i] = items[min]; items[min] = t; }
            }
        }
    }
}
