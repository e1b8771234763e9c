package katagym.sorting;

import java.util.Comparator;

/** Plausible learner bugs the bubble-sort spec must catch. */
final class BubbleSortBugs {
    private BubbleSortBugs() {}

    /** Always runs all n - 1 passes: sorted and stable, but n(n-1)/2 comparisons on sorted input. */
    static final class NoEarlyExit implements BubbleSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            for (int end = items.length - 1; end > 0; end--) {
                for (int j = 0; j < end; j++) {
                    if (order.compare(items[j], items[j + 1]) > 0) BubbleSortReference.swap(items, j, j + 1);
                }
            }
        }
    }

    /** Swaps on >= : still sorted, but equal neighbours trade places. */
    static final class SwapsOnTies implements BubbleSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            for (int end = items.length - 1; end > 0; end--) {
                boolean swapped = false;
                for (int j = 0; j < end; j++) {
                    if (order.compare(items[j], items[j + 1]) >= 0) {
                        BubbleSortReference.swap(items, j, j + 1);
                        swapped = true;
                    }
                }
                if (!swapped) return;
            }
        }
    }

    /** The inner loop stops one pair short (j < end - 1): the last pair of each pass is never compared. */
    static final class InnerLoopOneShort implements BubbleSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            for (int end = items.length - 1; end > 0; end--) {
                boolean swapped = false;
                for (int j = 0; j < end - 1; j++) {
                    if (order.compare(items[j], items[j + 1]) > 0) {
                        BubbleSortReference.swap(items, j, j + 1);
                        swapped = true;
                    }
                }
                if (!swapped) return;
            }
        }
    }

    /** Never shrinks the pass: always scans to the end, about twice the comparisons when there is work to do. */
    static final class FullLengthPasses implements BubbleSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            boolean swapped = true;
            while (swapped) {
                swapped = false;
                for (int j = 0; j + 1 < items.length; j++) {
                    if (order.compare(items[j], items[j + 1]) > 0) {
                        BubbleSortReference.swap(items, j, j + 1);
                        swapped = true;
                    }
                }
            }
        }
    }
}
