package katagym.sorting;

import java.util.Comparator;

/** Median-of-three pivot, Hoare partition (both scans stop on keys equal to the pivot), recursion on the smaller side. */
public class QuickSortReference implements QuickSort {
    @Override
    public <T> void sort(T[] items, Comparator<? super T> order) {
        sort(items, 0, items.length - 1, order);
    }

    /** Sorts items[lo..hi], both ends inclusive. */
    <T> void sort(T[] a, int lo, int hi, Comparator<? super T> order) {
        while (lo < hi) {
            int p = partition(a, lo, hi, order);
            // a[lo..p] <= pivot <= a[p+1..hi]; recurse into the smaller side, loop on the larger: O(log n) stack
            if (p - lo < hi - p) {
                sort(a, lo, p, order);
                lo = p + 1;
            } else {
                sort(a, p + 1, hi, order);
                hi = p;
            }
        }
    }

    /** Hoare partition around the median of a[lo], a[mid], a[hi]; returns p in [lo, hi) with a[lo..p] <= a[p+1..hi]. */
    <T> int partition(T[] a, int lo, int hi, Comparator<? super T> order) {
        int mid = (lo + hi) >>> 1;
        // order the three samples in place: a[lo] <= a[mid] <= a[hi]
        if (order.compare(a[mid], a[lo]) < 0) swap(a, mid, lo);
        if (order.compare(a[hi], a[mid]) < 0) {
            swap(a, hi, mid);
            if (order.compare(a[mid], a[lo]) < 0) swap(a, mid, lo);
        }
        T pivot = a[mid];
        int i = lo - 1, j = hi + 1;
        while (true) {
            do i++; while (order.compare(a[i], pivot) < 0);
            do j--; while (order.compare(a[j], pivot) > 0);
            if (i >= j) return j;
            swap(a, i, j);
        }
    }

    static <T> void swap(T[] a, int i, int j) {
        T t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
