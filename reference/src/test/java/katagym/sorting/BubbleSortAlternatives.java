package katagym.sorting;

import java.util.Comparator;

/** Correct bubble sorts written unlike the reference. */
final class BubbleSortAlternatives {
    private BubbleSortAlternatives() {}

    /** Remembers where the last swap happened: everything after it is sorted, so the next pass stops there. */
    static final class StopsAtTheLastSwap implements BubbleSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            int end = items.length - 1;
            while (end > 0) {
                int lastSwap = 0;
                for (int j = 0; j < end; j++) {
                    if (order.compare(items[j + 1], items[j]) < 0) {
                        T t = items[j]; items[j] = items[j + 1]; items[j + 1] = t;
                        lastSwap = j;
                    }
                }
                end = lastSwap;
            }
        }
    }
}
