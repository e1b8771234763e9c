package katagym.sorting;

import java.util.Comparator;

public class BubbleSortReference implements BubbleSort {
    @Override
    public <T> void sort(T[] items, Comparator<? super T> order) {
        // after each pass the largest remaining element has bubbled to items[end]: the next pass stops before it
        for (int end = items.length - 1; end > 0; end--) {
            boolean swapped = false;
            for (int j = 0; j < end; j++) {
                // strictly greater: equal neighbours are never swapped, which keeps the sort stable
                if (order.compare(items[j], items[j + 1]) > 0) {
                    swap(items, j, j + 1);
                    swapped = true;
                }
            }
            if (!swapped) return; // a pass without a swap proves the array sorted
        }
    }

    static <T> void swap(T[] a, int i, int j) {
        T t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
