package katagym.sorting;

/** Kata {@code radix-sort}: LSD radix sort of ints, negatives included. */
public interface RadixSort {
    /**
     * Sorts {@code a} in place into ascending signed order (the order of {@code Arrays.sort(int[])}),
     * over the full int range, by stable counting-sort passes over the digits of the keys, least
     * significant digit first. Never compares two elements with each other.
     */
    void sort(int[] a);
}
