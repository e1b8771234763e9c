package katagym.sorting;

import java.util.Comparator;

/** Correct heap sorts written unlike the reference. */
final class HeapSortAlternatives {
    private HeapSortAlternatives() {}

    /** A min-heap whose minima go to the end (descending order), then one reversal. */
    static final class MinHeapThenReverse implements HeapSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            int n = items.length;
            for (int i = n / 2 - 1; i >= 0; i--) siftDown(items, i, n, order);
            for (int end = n - 1; end > 0; end--) {
                swap(items, 0, end);
                siftDown(items, 0, end, order);
            }
            for (int i = 0, j = n - 1; i < j; i++, j--) swap(items, i, j);
        }

        private static <T> void siftDown(T[] a, int i, int n, Comparator<? super T> order) {
            for (int child = 2 * i + 1; child < n; i = child, child = 2 * i + 1) {
                if (child + 1 < n && order.compare(a[child + 1], a[child]) < 0) child++;
                if (order.compare(a[child], a[i]) >= 0) return;
                swap(a, i, child);
            }
        }

        private static <T> void swap(T[] a, int i, int j) { T t = a[i]; a[i] = a[j]; a[j] = t; }
    }

    /** Floyd's bottom-up extraction: sift the hole to a leaf with one comparison per level, then sift the last element up. */
    static final class FloydBottomUp implements HeapSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            int n = items.length;
            for (int i = n / 2 - 1; i >= 0; i--) {
                T x = items[i];
                int hole = i;
                for (int child = 2 * hole + 1; child < n; child = 2 * hole + 1) {
                    if (child + 1 < n && order.compare(items[child + 1], items[child]) > 0) child++;
                    if (order.compare(x, items[child]) >= 0) break;
                    items[hole] = items[child];
                    hole = child;
                }
                items[hole] = x;
            }
            for (int end = n - 1; end > 0; end--) {
                T x = items[end];
                items[end] = items[0];
                int hole = 0;
                for (int child = 1; child < end; child = 2 * hole + 1) {
                    if (child + 1 < end && order.compare(items[child + 1], items[child]) > 0) child++;
                    items[hole] = items[child];
                    hole = child;
                }
                while (hole > 0 && order.compare(items[(hole - 1) / 2], x) < 0) {
                    items[hole] = items[(hole - 1) / 2];
                    hole = (hole - 1) / 2;
                }
                items[hole] = x;
            }
        }
    }
}
