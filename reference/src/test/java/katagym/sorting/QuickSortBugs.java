package katagym.sorting;

import java.util.Comparator;

/** Plausible learner bugs the quick-sort spec must catch. */
final class QuickSortBugs {
    private QuickSortBugs() {}

    /** Takes the first element as pivot: sorted input splits into 0 and n - 1, quadratic. */
    static final class FirstElementPivot extends QuickSortReference {
        @Override
        <T> int partition(T[] a, int lo, int hi, Comparator<? super T> order) {
            T pivot = a[lo];
            int i = lo - 1, j = hi + 1;
            while (true) {
                do i++; while (order.compare(a[i], pivot) < 0);
                do j--; while (order.compare(a[j], pivot) > 0);
                if (i >= j) return j;
                swap(a, i, j);
            }
        }
    }

    /** Lomuto partition around the middle element: fine on sorted input, quadratic when all keys are equal. */
    static final class LomutoPartition implements QuickSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            sort(items, 0, items.length - 1, order);
        }

        private <T> void sort(T[] a, int lo, int hi, Comparator<? super T> order) {
            if (lo >= hi) return;
            QuickSortReference.swap(a, (lo + hi) >>> 1, hi);
            T pivot = a[hi];
            int store = lo;
            for (int i = lo; i < hi; i++) {
                if (order.compare(a[i], pivot) <= 0) QuickSortReference.swap(a, i, store++);
            }
            QuickSortReference.swap(a, store, hi);
            sort(a, lo, store - 1, order);
            sort(a, store + 1, hi, order);
        }
    }

    /** Treats Hoare's index as the pivot's final place and skips it: sort(lo, p - 1), sort(p + 1, hi). */
    static final class SkipsTheHoareIndex extends QuickSortReference {
        @Override
        <T> void sort(T[] a, int lo, int hi, Comparator<? super T> order) {
            if (lo >= hi) return;
            int p = partition(a, lo, hi, order);
            sort(a, lo, p - 1, order);
            sort(a, p + 1, hi, order);
        }
    }

    /** Picks a random pivot from an unseeded shared generator: the cost of a sort changes from run to run. */
    static final class UnseededRandomPivot extends QuickSortReference {
        private final java.util.Random random = new java.util.Random();

        @Override
        <T> int partition(T[] a, int lo, int hi, Comparator<? super T> order) {
            swap(a, lo + random.nextInt(hi - lo), (lo + hi) >>> 1);
            return super.partition(a, lo, hi, order);
        }
    }
}
