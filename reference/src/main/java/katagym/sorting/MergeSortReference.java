package katagym.sorting;

import java.util.Comparator;

public class MergeSortReference implements MergeSort {
    @Override
    public <T> void sort(T[] items, Comparator<? super T> order) {
        if (items.length < 2) return;
        T[] buffer = items.clone();
        sort(items, buffer, 0, items.length, order);
    }

    /** Sorts items[lo, hi) using buffer[lo, hi) as scratch. */
    <T> void sort(T[] items, T[] buffer, int lo, int hi, Comparator<? super T> order) {
        if (hi - lo < 2) return;
        int mid = (lo + hi) >>> 1;
        sort(items, buffer, lo, mid, order);
        sort(items, buffer, mid, hi, order);
        merge(items, buffer, lo, mid, hi, order);
    }

    /** Merges the sorted runs items[lo, mid) and items[mid, hi): one comparison per element taken while both runs last. */
    <T> void merge(T[] items, T[] buffer, int lo, int mid, int hi, Comparator<? super T> order) {
        System.arraycopy(items, lo, buffer, lo, hi - lo);
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi) {
            // take from the right only when strictly smaller: ties go to the left run, which keeps the sort stable
            if (order.compare(buffer[j], buffer[i]) < 0) items[k++] = buffer[j++];
            else items[k++] = buffer[i++];
        }
        while (i < mid) items[k++] = buffer[i++];
        while (j < hi) items[k++] = buffer[j++];
    }
}
