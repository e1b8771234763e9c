package katagym.sorting;

import katagym.NotImplementedYet;

/**
 * Kata {@code radix-sort}.
 * Statement: katas/src/main/resources/statements/radix-sort.md ({@code ./kata show radix-sort}).
 */
public final class RadixSortKata implements RadixSort {

    /**
     * Sorts {@code a} in place into ascending signed order, over the full int range, with LSD radix
     * sort: stable counting-sort passes over the digits (bytes, say) of each key, least significant
     * first. Negative numbers must come before the positive ones. Never compare two elements.
     */
    @Override
    public void sort(int[] a) {
        throw new NotImplementedYet("RadixSortKata.sort");
    }
}
