package katagym.sorting;

import java.util.Comparator;

/** Plausible learner bugs the insertion-sort spec must catch. */
final class InsertionSortBugs {
    private InsertionSortBugs() {}

    /** Shifts on >= : still sorted, but equal keys change order. */
    static final class UnstableOnTies implements InsertionSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            for (int i = 1; i < items.length; i++) {
                T x = items[i];
                int j = i - 1;
                while (j >= 0 && order.compare(items[j], x) >= 0) {
                    items[j + 1] = items[j];
                    j--;
                }
                items[j + 1] = x;
            }
        }
    }

    /** Starts the outer loop at 2: the first element is never inserted. */
    static final class OffByOneStart implements InsertionSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            for (int i = 2; i < items.length; i++) {
                T x = items[i];
                int j = i - 1;
                while (j >= 0 && order.compare(items[j], x) > 0) {
                    items[j + 1] = items[j];
                    j--;
                }
                items[j + 1] = x;
            }
        }
    }

    /** Finds the insertion point by scanning from the left: sorted, stable, but n(n-1)/2 comparisons on sorted input. */
    static final class ScansFromTheLeft implements InsertionSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            for (int i = 1; i < items.length; i++) {
                T x = items[i];
                int p = 0;
                while (p < i && order.compare(items[p], x) <= 0) p++;
                System.arraycopy(items, p, items, p + 1, i - p);
                items[p] = x;
            }
        }
    }
}
