package katagym.sorting;

import java.util.Comparator;

/** A max-heap in items[0, n): the children of i are 2i + 1 and 2i + 2. */
public class HeapSortReference implements HeapSort {
    @Override
    public <T> void sort(T[] items, Comparator<? super T> order) {
        int n = items.length;
        // bottom-up heap construction: O(n) comparisons in total
        for (int i = n / 2 - 1; i >= 0; i--) siftDown(items, i, n, order);
        // move the maximum behind the heap, shrink the heap, restore it from the root
        for (int end = n - 1; end > 0; end--) {
            swap(items, 0, end);
            siftDown(items, 0, end, order);
        }
    }

    /** Moves items[i] down until it is no smaller than its children, within heap items[0, n). Two comparisons per level. */
    <T> void siftDown(T[] a, int i, int n, Comparator<? super T> order) {
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) return;
            if (child + 1 < n && order.compare(a[child + 1], a[child]) > 0) child++;
            if (order.compare(a[i], a[child]) >= 0) return;
            swap(a, i, child);
            i = child;
        }
    }

    static <T> void swap(T[] a, int i, int j) {
        T t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
