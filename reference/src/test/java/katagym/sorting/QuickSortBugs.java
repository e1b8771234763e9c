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

    /** Pivot moved to the front, then scans that skip keys equal to it (a[i] <= pivot): all-equal input puts the pivot at the end every time, quadratic. */
    static final class ScansSkipEqualKeys implements QuickSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            sort(items, 0, items.length - 1, order);
        }

        private <T> void sort(T[] a, int lo, int hi, Comparator<? super T> order) {
            if (lo >= hi) return;
            QuickSortReference.swap(a, lo, (lo + hi) >>> 1);
            T pivot = a[lo];
            int i = lo + 1, j = hi;
            while (true) {
                while (i <= hi && order.compare(a[i], pivot) <= 0) i++;
                while (order.compare(a[j], pivot) > 0) j--;
                if (i >= j) break;
                QuickSortReference.swap(a, i, j);
            }
            QuickSortReference.swap(a, lo, j);
            sort(a, lo, j - 1, order);
            sort(a, j + 1, hi, order);
        }
    }

    /** Lomuto partition around the last element: quadratic on sorted and on all-equal input. */
    static final class LastElementLomuto implements QuickSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            sort(items, 0, items.length - 1, order);
        }

        private <T> void sort(T[] a, int lo, int hi, Comparator<? super T> order) {
            if (lo >= hi) return;
            T pivot = a[hi];
            int store = lo;
            for (int i = lo; i < hi; i++) if (order.compare(a[i], pivot) < 0) QuickSortReference.swap(a, i, store++);
            QuickSortReference.swap(a, store, hi);
            sort(a, lo, store - 1, order);
            sort(a, store + 1, hi, order);
        }
    }

    /** A random pivot from a generator seeded once per instance (new Random(42) in a field): the second sort continues the sequence, so it costs differently. */
    static final class RandomSeededOncePerInstance extends QuickSortReference {
        private final java.util.Random random = new java.util.Random(42);

        @Override
        <T> int partition(T[] a, int lo, int hi, Comparator<? super T> order) {
            swap(a, lo + random.nextInt(hi - lo + 1), (lo + hi) >>> 1);
            T pivot = a[(lo + hi) >>> 1];
            int i = lo - 1, j = hi + 1;
            while (true) {
                do i++; while (order.compare(a[i], pivot) < 0);
                do j--; while (order.compare(a[j], pivot) > 0);
                if (i >= j) return j;
                swap(a, i, j);
            }
        }
    }

    /** "Median of three" that takes the larger of the middle and the last element: sorted input gets the maximum as pivot every time. */
    static final class MedianOfThreeTakesTheLarger extends QuickSortReference {
        @Override
        <T> int partition(T[] a, int lo, int hi, Comparator<? super T> order) {
            int mid = (lo + hi) >>> 1;
            int m = order.compare(a[mid], a[hi]) >= 0 ? mid : hi;
            if (m == hi) swap(a, hi, mid);
            T pivot = a[mid];
            int i = lo - 1, j = hi + 1;
            while (true) {
                do i++; while (order.compare(a[i], pivot) < 0);
                do j--; while (order.compare(a[j], pivot) > 0);
                if (i >= j) return j;
                swap(a, i, j);
            }
        }
    }
}
