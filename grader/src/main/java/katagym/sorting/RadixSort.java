package katagym.sorting;

import katagym.grader.spec.Clause;

/** Kata {@code radix-sort}: LSD radix sort of ints, negatives included. */
public interface RadixSort {
    /**
     * Sorts {@code a} in place into ascending signed order (the order of {@code Arrays.sort(int[])}),
     * over the full int range, {@code Integer.MIN_VALUE} and {@code Integer.MAX_VALUE} included. Write it
     * as stable counting-sort passes over the digits of the keys, least significant digit first, never
     * comparing two elements with each other; the grader sees only the result, so that part is yours to keep.
     * An empty or one-element array is valid input.
     */
    @Clause(id = "signedOrder", value = "After sort(a), a is in ascending signed order, exactly as Arrays.sort(int[]) orders it, over the full "
            + "int range: Integer.MIN_VALUE first, negatives before zero and positives, Integer.MAX_VALUE last.")
    @Clause(id = "permutation", value = "sort only rearranges a: it ends up holding the same values, each as many times as before.")
    @Clause(id = "inPlace", value = "The result is in a itself (the method returns nothing), whatever the number of digit passes; a scratch array of n ints is allowed.")
    @Clause(id = "smallInputs", value = "An empty or one-element array is valid input and is left as it is.")
    void sort(int[] a);
}
