package katagym.sorting;

import java.util.Comparator;

/** Plausible learner bugs the merge-sort spec must catch. */
final class MergeSortBugs {
    private MergeSortBugs() {}

    /** Takes from the right run on ties (<= instead of <): sorted, but equal keys change order. */
    static final class TakesFromTheRightOnTies extends MergeSortReference {
        @Override
        <T> void merge(T[] items, T[] buffer, int lo, int mid, int hi, Comparator<? super T> order) {
            System.arraycopy(items, lo, buffer, lo, hi - lo);
            int i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                if (order.compare(buffer[j], buffer[i]) <= 0) items[k++] = buffer[j++];
                else items[k++] = buffer[i++];
            }
            while (i < mid) items[k++] = buffer[i++];
            while (j < hi) items[k++] = buffer[j++];
        }
    }

    /** Forgets to copy what is left of the left run once the right run is exhausted. */
    static final class DropsTheLeftoverOfTheLeftRun extends MergeSortReference {
        @Override
        <T> void merge(T[] items, T[] buffer, int lo, int mid, int hi, Comparator<? super T> order) {
            System.arraycopy(items, lo, buffer, lo, hi - lo);
            int i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                if (order.compare(buffer[j], buffer[i]) < 0) items[k++] = buffer[j++];
                else items[k++] = buffer[i++];
            }
            while (j < hi) items[k++] = buffer[j++];
        }
    }

    /** Merges in place by inserting each right element into the left run: sorted and stable, but quadratic. */
    static final class MergesByInsertion extends MergeSortReference {
        @Override
        <T> void merge(T[] items, T[] buffer, int lo, int mid, int hi, Comparator<? super T> order) {
            for (int j = mid; j < hi; j++) {
                T x = items[j];
                int k = j - 1;
                while (k >= lo && order.compare(items[k], x) > 0) {
                    items[k + 1] = items[k];
                    k--;
                }
                items[k + 1] = x;
            }
        }
    }

    /** Bottom-up merge sort alternating between the array and the buffer, without the final copy back when the number of levels is odd. */
    static final class ResultLeftInTheBufferAfterOddLevels implements MergeSort {
        @Override
        @SuppressWarnings("unchecked")
        public <T> void sort(T[] items, Comparator<? super T> order) {
            int n = items.length;
            T[] from = items, to = items.clone();
            for (int width = 1; width < n; width *= 2) {
                for (int lo = 0; lo < n; lo += 2 * width) {
                    int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
                    int i = lo, j = mid, k = lo;
                    while (i < mid && j < hi) to[k++] = order.compare(from[j], from[i]) < 0 ? from[j++] : from[i++];
                    while (i < mid) to[k++] = from[i++];
                    while (j < hi) to[k++] = from[j++];
                }
                T[] t = from; from = to; to = t;
            }
        }
    }

    /** Splits off one element (mid = lo + 1) instead of halving: still sorted and stable, but quadratic. */
    static final class SplitsOffOneElement extends MergeSortReference {
        @Override
        <T> void sort(T[] items, T[] buffer, int lo, int hi, Comparator<? super T> order) {
            if (hi - lo < 2) return;
            int mid = lo + 1;
            sort(items, buffer, lo, mid, order);
            sort(items, buffer, mid, hi, order);
            merge(items, buffer, lo, mid, hi, order);
        }
    }

    /** Switches to insertion sort for runs of up to 16: a speed-up in practice, but reversed runs cost n(n-1)/2, above n ceil(log2 n). */
    static final class InsertionSortForShortRuns extends MergeSortReference {
        @Override
        <T> void sort(T[] items, T[] buffer, int lo, int hi, Comparator<? super T> order) {
            if (hi - lo <= 16) {
                for (int i = lo + 1; i < hi; i++) {
                    T x = items[i];
                    int j = i - 1;
                    while (j >= lo && order.compare(items[j], x) > 0) { items[j + 1] = items[j]; j--; }
                    items[j + 1] = x;
                }
                return;
            }
            super.sort(items, buffer, lo, hi, order);
        }
    }

    /** Takes from the right run only when compare(right, left) == -1: a Comparator may answer any negative number, and then the merge keeps the left order. */
    static final class TestsCompareEqualsMinusOne extends MergeSortReference {
        @Override
        <T> void merge(T[] items, T[] buffer, int lo, int mid, int hi, Comparator<? super T> order) {
            System.arraycopy(items, lo, buffer, lo, hi - lo);
            int i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                if (order.compare(buffer[j], buffer[i]) == -1) items[k++] = buffer[j++];
                else items[k++] = buffer[i++];
            }
            while (i < mid) items[k++] = buffer[i++];
            while (j < hi) items[k++] = buffer[j++];
        }
    }
}
