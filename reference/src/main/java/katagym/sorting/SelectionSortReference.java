package katagym.sorting;

import java.util.Comparator;

public class SelectionSortReference implements SelectionSort {
    @Override
    public <T> void sort(T[] items, Comparator<? super T> order) {
        int n = items.length;
        for (int i = 0; i + 1 < n; i++) {
            int min = i;
            for (int j = i + 1; j < n; j++) {
                if (order.compare(items[j], items[min]) < 0) min = j;
            }
            // the long-distance swap is what makes selection sort unstable
            T t = items[i];
            items[i] = items[min];
            items[min] = t;
        }
    }
}
