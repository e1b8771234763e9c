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

    /** Builds the heap by inserting elements one by one and sifting each up (Williams): O(n log n) for the build, beyond the bound on large sorted input. */
    static final class SiftUpConstruction extends HeapSortReference {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            int n = items.length;
            for (int k = 1; k < n; k++) {
                int i = k;
                while (i > 0 && order.compare(items[(i - 1) / 2], items[i]) < 0) {
                    swap(items, i, (i - 1) / 2);
                    i = (i - 1) / 2;
                }
            }
            for (int end = n - 1; end > 0; end--) {
                swap(items, 0, end);
                siftDown(items, 0, end, order);
            }
        }
    }

    /** Starts the build at (n - 1)/2 - 1: for even n the last parent, whose only child is items[n - 1], is never sifted. */
    static final class SkipsTheLastParentForEvenN extends HeapSortReference {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            int n = items.length;
            for (int i = (n - 1) / 2 - 1; i >= 0; i--) siftDown(items, i, n, order);
            for (int end = n - 1; end > 0; end--) {
                swap(items, 0, end);
                siftDown(items, 0, end, order);
            }
        }
    }

    /** The build loop stops at i > 0: the root is never sifted down before the first extraction. */
    static final class BuildSkipsTheRoot extends HeapSortReference {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            int n = items.length;
            for (int i = n / 2 - 1; i > 0; i--) siftDown(items, i, n, order);
            for (int end = n - 1; end > 0; end--) {
                swap(items, 0, end);
                siftDown(items, 0, end, order);
            }
        }
    }

    /** Compares the parent with the left child and swaps, else with the right child: it can lift the smaller child above the larger one. */
    static final class SwapsWithTheFirstLargerChild extends HeapSortReference {
        @Override
        <T> void siftDown(T[] a, int i, int n, Comparator<? super T> order) {
            while (true) {
                int left = 2 * i + 1, right = left + 1, child;
                if (left < n && order.compare(a[i], a[left]) < 0) child = left;
                else if (right < n && order.compare(a[i], a[right]) < 0) child = right;
                else return;
                swap(a, i, child);
                i = child;
            }
        }
    }

    /** Picks the right child only when compare(right, left) == 1: with a Comparator that answers other positive numbers the heap keeps the smaller child on top. */
    static final class TestsCompareEqualsOne extends HeapSortReference {
        @Override
        <T> void siftDown(T[] a, int i, int n, Comparator<? super T> order) {
            while (true) {
                int child = 2 * i + 1;
                if (child >= n) return;
                if (child + 1 < n && order.compare(a[child + 1], a[child]) == 1) child++;
                if (order.compare(a[i], a[child]) >= 0) return;
                swap(a, i, child);
                i = child;
            }
        }
    }
}
