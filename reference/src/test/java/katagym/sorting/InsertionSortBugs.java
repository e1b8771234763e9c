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

    /** A "fast path" that skips items[i] when items[i - 1] <= items[i], else runs the full inner loop from i - 1: that pair is compared twice, n(n-1)/2 + n - 1 comparisons on reversed input. */
    static final class FastPathComparesThePairTwice implements InsertionSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            for (int i = 1; i < items.length; i++) {
                if (order.compare(items[i - 1], items[i]) <= 0) continue;
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

    /** Binary insertion sort (stable upper bound): fewer comparisons on random input, but about log2 i per element on sorted input, not one. */
    static final class BinaryInsertion implements InsertionSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            for (int i = 1; i < items.length; i++) {
                T x = items[i];
                int lo = 0, hi = i;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (order.compare(items[mid], x) > 0) hi = mid; else lo = mid + 1;
                }
                System.arraycopy(items, lo, items, lo + 1, i - lo);
                items[lo] = x;
            }
        }
    }

    /** The outer loop stops at i < n - 1: the last element is never inserted. */
    static final class LastElementNeverInserted implements InsertionSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            for (int i = 1; i < items.length - 1; i++) {
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

    /** Knuth's sentinel: first swaps the minimum to the front so the inner loop needs no j >= 0 test; the swap breaks stability and sorted input costs 2n - 3 comparisons. */
    static final class MinimumSentinelSwappedToTheFront implements InsertionSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            if (items.length < 2) return;
            int m = 0;
            for (int i = 1; i < items.length; i++) if (order.compare(items[i], items[m]) < 0) m = i;
            T t = items[0]; items[0] = items[m]; items[m] = t;
            for (int i = 2; i < items.length; i++) {
                T x = items[i];
                int j = i - 1;
                while (order.compare(items[j], x) > 0) {
                    items[j + 1] = items[j];
                    j--;
                }
                items[j + 1] = x;
            }
        }
    }

    /** Tests compare(...) == 1 for "greater": a Comparator may answer any positive number, and then nothing moves. */
    static final class TestsCompareEqualsOne implements InsertionSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            for (int i = 1; i < items.length; i++) {
                T x = items[i];
                int j = i - 1;
                while (j >= 0 && order.compare(items[j], x) == 1) {
                    items[j + 1] = items[j];
                    j--;
                }
                items[j + 1] = x;
            }
        }
    }
}
