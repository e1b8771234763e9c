package katagym.sorting;

import java.util.Comparator;
import java.util.SplittableRandom;

/** Correct quick sorts written unlike the reference. */
final class QuickSortAlternatives {
    private QuickSortAlternatives() {}

    /** Hoare partition around the middle element (no median of three), recursing into both sides. */
    static final class MiddlePivotHoare implements QuickSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) { sort(items, 0, items.length - 1, order); }

        private <T> void sort(T[] a, int lo, int hi, Comparator<? super T> order) {
            if (lo >= hi) return;
            T pivot = a[lo + (hi - lo) / 2];
            int i = lo - 1, j = hi + 1;
            while (true) {
                do i++; while (order.compare(a[i], pivot) < 0);
                do j--; while (order.compare(a[j], pivot) > 0);
                if (i >= j) break;
                T t = a[i]; a[i] = a[j]; a[j] = t;
            }
            sort(a, lo, j, order);
            sort(a, j + 1, hi, order);
        }
    }

    /** Dijkstra's three-way partition (< pivot | = pivot | > pivot) around the middle element; the middle part is never recursed into. */
    static final class ThreeWayPartition implements QuickSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) { sort(items, 0, items.length - 1, order); }

        private <T> void sort(T[] a, int lo, int hi, Comparator<? super T> order) {
            if (lo >= hi) return;
            T pivot = a[(lo + hi) >>> 1];
            int lt = lo, i = lo, gt = hi;
            while (i <= gt) {
                int c = order.compare(a[i], pivot);
                if (c < 0) swap(a, lt++, i++);
                else if (c > 0) swap(a, i, gt--);
                else i++;
            }
            sort(a, lo, lt - 1, order);
            sort(a, gt + 1, hi, order);
        }

        private static <T> void swap(T[] a, int i, int j) { T t = a[i]; a[i] = a[j]; a[j] = t; }
    }

    /** A random pivot from a generator seeded inside each call of sort: deterministic, as the statement allows. */
    static final class SeededRandomPivot implements QuickSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            sort(items, 0, items.length - 1, order, new SplittableRandom(42));
        }

        private <T> void sort(T[] a, int lo, int hi, Comparator<? super T> order, SplittableRandom random) {
            if (lo >= hi) return;
            T pivot = a[lo + random.nextInt(hi - lo + 1)];
            int i = lo - 1, j = hi + 1;
            while (true) {
                do i++; while (order.compare(a[i], pivot) < 0);
                do j--; while (order.compare(a[j], pivot) > 0);
                if (i >= j) break;
                T t = a[i]; a[i] = a[j]; a[j] = t;
            }
            sort(a, lo, j, order, random);
            sort(a, j + 1, hi, order, random);
        }
    }
}
