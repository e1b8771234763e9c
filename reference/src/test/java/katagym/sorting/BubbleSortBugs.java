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

    /** The swapped flag is set false once, before the first pass, and never reset: after one pass with a swap the early exit never fires. */
    static final class SwappedFlagNeverReset implements BubbleSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            boolean swapped = false;
            for (int end = items.length - 1; end > 0; end--) {
                for (int j = 0; j < end; j++) {
                    if (order.compare(items[j], items[j + 1]) > 0) {
                        BubbleSortReference.swap(items, j, j + 1);
                        swapped = true;
                    }
                }
                if (!swapped) return;
            }
        }
    }

    /** The outer loop stops at end > 1: the final pass over items[0], items[1] never runs. */
    static final class OuterLoopOneShort implements BubbleSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            for (int end = items.length - 1; end > 1; end--) {
                boolean swapped = false;
                for (int j = 0; j < end; j++) {
                    if (order.compare(items[j], items[j + 1]) > 0) {
                        BubbleSortReference.swap(items, j, j + 1);
                        swapped = true;
                    }
                }
                if (!swapped) return;
            }
        }
    }

    /** Bubbles the smallest element to the front (right-to-left passes) but shrinks the pass at the right end, as if the largest had settled there. */
    static final class ShrinksTheWrongEnd implements BubbleSort {
        @Override
        public <T> void sort(T[] items, Comparator<? super T> order) {
            for (int end = items.length - 1; end > 0; end--) {
                boolean swapped = false;
                for (int j = end - 1; j >= 0; j--) {
                    if (order.compare(items[j], items[j + 1]) > 0) {
                        BubbleSortReference.swap(items, j, j + 1);
                        swapped = true;
                    }
                }
                if (!swapped) return;
            }
        }
    }
}
