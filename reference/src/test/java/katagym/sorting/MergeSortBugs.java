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
}
