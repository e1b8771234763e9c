package katagym.sorting;

import java.util.Comparator;

public class InsertionSortReference implements InsertionSort {
    @Override
    public <T> void sort(T[] items, Comparator<? super T> order) {
        for (int i = 1; i < items.length; i++) {
            T x = items[i];
            int j = i - 1;
            // strictly greater: equal keys stay behind x's predecessors, which keeps the sort stable
            while (j >= 0 && order.compare(items[j], x) > 0) {
                items[j + 1] = items[j];
                j--;
            }
            items[j + 1] = x;
        }
    }
}
