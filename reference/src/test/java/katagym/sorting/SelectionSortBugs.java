package katagym.sorting;

import java.util.Comparator;

/** Plausible learner bugs the selection-sort spec must catch. */
final class SelectionSortBugs {
    private SelectionSortBugs() {}

    /** The outer loop stops one pass early (i < n - 2): the last two elements are never ordered. */
    static final class StopsOnePassEarly implements SelectionSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            int n = items.length;
            for (int i = 0; i + 2 < n; i++) {
                int min = i;
                for (int j = i + 1; j < n; j++) if (order.compare(items[j], items[min]) < 0) min = j;
                T t = items[i]; items[i] = items[min]; items[min] = t;
            }
        }
    }

    /** The scan starts at i instead of i + 1: sorted, but each pass compares an element with itself. */
    static final class ScanStartsAtI implements SelectionSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            int n = items.length;
            for (int i = 0; i + 1 < n; i++) {
                int min = i;
                for (int j = i; j < n; j++) if (order.compare(items[j], items[min]) < 0) min = j;
                T t = items[i]; items[i] = items[min]; items[min] = t;
            }
        }
    }

    /** Remembers the minimum's value but swaps with the last index scanned: elements get lost and duplicated. */
    static final class SwapsWithTheWrongIndex implements SelectionSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            int n = items.length;
            for (int i = 0; i + 1 < n; i++) {
                T min = items[i];
                int at = i;
                for (int j = i + 1; j < n; j++) {
                    if (order.compare(items[j], min) < 0) min = items[j];
                    at = j;
                }
                items[at] = items[i];
                items[i] = min;
            }
        }
    }
}
