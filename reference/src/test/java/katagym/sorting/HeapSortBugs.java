package katagym.sorting;

import java.util.Comparator;

/** Plausible learner bugs the heap-sort spec must catch. */
final class HeapSortBugs {
    private HeapSortBugs() {}

    /** Uses the 1-based child indices 2i and 2i + 1 on a 0-based array. */
    static final class WrongChildIndex extends HeapSortReference {
        @Override
        <T> void siftDown(T[] a, int i, int n, Comparator<? super T> order) {
            while (true) {
                int child = 2 * i;
                if (child >= n) return;
                if (child + 1 < n && order.compare(a[child + 1], a[child]) > 0) child++;
                if (order.compare(a[i], a[child]) >= 0) return;
                swap(a, i, child);
                i = child;
            }
        }
    }

    /** Builds the heap top-down, sifting parents from 0 upward: the result is not a heap. */
    static final class BuildsTheHeapFromTheTop extends HeapSortReference {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            int n = items.length;
            for (int i = 0; i <= n / 2 - 1; i++) siftDown(items, i, n, order);
            for (int end = n - 1; end > 0; end--) {
                swap(items, 0, end);
                siftDown(items, 0, end, order);
            }
        }
    }

    /** Rebuilds the whole heap after every extraction: sorted, but quadratic. */
    static final class RebuildsTheHeapEachRound extends HeapSortReference {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            for (int end = items.length; end > 1; end--) {
                for (int i = end / 2 - 1; i >= 0; i--) siftDown(items, i, end, order);
                swap(items, 0, end - 1);
            }
        }
    }

    /** Sifts down toward the left child only, never looking at the right one. */
    static final class IgnoresTheRightChild extends HeapSortReference {
        @Override
        <T> void siftDown(T[] a, int i, int n, Comparator<? super T> order) {
            while (true) {
                int child = 2 * i + 1;
                if (child >= n) return;
                if (order.compare(a[i], a[child]) >= 0) return;
                swap(a, i, child);
                i = child;
            }
        }
    }
}
