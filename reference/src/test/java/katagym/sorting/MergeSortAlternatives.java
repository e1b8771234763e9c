package katagym.sorting;

import java.util.Comparator;

/** Correct merge sorts written unlike the reference. */
final class MergeSortAlternatives {
    private MergeSortAlternatives() {}

    /** Bottom-up: runs of width 1, 2, 4, ... merged into a buffer, roles swapped each level, copied back at the end. */
    static final class BottomUp implements MergeSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            int n = items.length;
            T[] from = items, to = items.clone();
            for (int width = 1; width < n; width *= 2) {
                for (int lo = 0; lo < n; lo += 2 * width) {
                    int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
                    int i = lo, j = mid, k = lo;
                    while (i < mid && j < hi) to[k++] = order.compare(from[i], from[j]) <= 0 ? from[i++] : from[j++];
                    while (i < mid) to[k++] = from[i++];
                    while (j < hi) to[k++] = from[j++];
                }
                T[] t = from; from = to; to = t;
            }
            if (from != items) System.arraycopy(from, 0, items, 0, n);
        }
    }

    /** Top-down, copying only the left run into a half-size buffer and merging from the front, skipping the merge when the runs are already in order. */
    static final class HalfBufferSkipsOrderedRuns implements MergeSort {
        @Override
        @SuppressWarnings("unchecked")
        public <T> void sort(T[] items, Comparator<? super T> order) {
            Object[] buffer = new Object[(items.length + 1) / 2];
            sort(items, (T[]) buffer, 0, items.length, order);
        }

        private <T> void sort(T[] a, T[] left, int lo, int hi, Comparator<? super T> order) {
            if (hi - lo < 2) return;
            int mid = (lo + hi) >>> 1;
            sort(a, left, lo, mid, order);
            sort(a, left, mid, hi, order);
            if (order.compare(a[mid - 1], a[mid]) <= 0) return;
            int m = mid - lo;
            System.arraycopy(a, lo, left, 0, m);
            int i = 0, j = mid, k = lo;
            while (i < m && j < hi) a[k++] = order.compare(a[j], left[i]) < 0 ? a[j++] : left[i++];
            while (i < m) a[k++] = left[i++];
        }
    }
}
