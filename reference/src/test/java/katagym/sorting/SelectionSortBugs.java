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

    /** Compares each candidate with items[i] instead of the smallest so far: it selects the last element smaller than items[i]. */
    static final class ComparesWithTheSlotNotTheMinimum implements SelectionSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            int n = items.length;
            for (int i = 0; i + 1 < n; i++) {
                int min = i;
                for (int j = i + 1; j < n; j++) if (order.compare(items[j], items[i]) < 0) min = j;
                T t = items[i]; items[i] = items[min]; items[min] = t;
            }
        }
    }

    /** Checks first whether the array is already sorted (n - 1 extra comparisons) to return early. */
    static final class ChecksSortedFirst implements SelectionSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            int n = items.length;
            boolean sorted = true;
            for (int i = 0; i + 1 < n; i++) if (order.compare(items[i], items[i + 1]) > 0) { sorted = false; break; }
            if (sorted) return;
            new SelectionSortReference().sort(items, order);
        }
    }

    /** Selects the minimum and the maximum in the same pass (two comparisons per element): fewer passes, but not n(n-1)/2 comparisons. */
    static final class MinAndMaxPerPass implements SelectionSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            for (int lo = 0, hi = items.length - 1; lo < hi; lo++, hi--) {
                int min = lo, max = lo;
                for (int j = lo + 1; j <= hi; j++) {
                    if (order.compare(items[j], items[min]) < 0) min = j;
                    if (order.compare(items[j], items[max]) > 0) max = j;
                }
                T t = items[lo]; items[lo] = items[min]; items[min] = t;
                if (max == lo) max = min;
                t = items[hi]; items[hi] = items[max]; items[max] = t;
            }
        }
    }
}
