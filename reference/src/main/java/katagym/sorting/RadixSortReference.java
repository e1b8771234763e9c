package katagym.sorting;

/** Four stable counting-sort passes over the bytes of key = x ^ 0x80000000, least significant first. */
public class RadixSortReference implements RadixSort {
    static final int BITS = 8;
    static final int RADIX = 1 << BITS;
    static final int PASSES = 32 / BITS;

    @Override
    public void sort(int[] a) {
        int[] from = a, to = new int[a.length];
        for (int pass = 0; pass < PASSES; pass++) {
            int shift = pass * BITS;
            int[] count = new int[RADIX + 1];
            for (int x : from) count[digit(x, shift) + 1]++;
            for (int d = 0; d < RADIX; d++) count[d + 1] += count[d]; // count[d] = first slot of digit d
            // walking forward and filling each bucket from its start keeps equal digits in their current order
            for (int x : from) to[count[digit(x, shift)]++] = x;
            int[] t = from;
            from = to;
            to = t;
        }
        // an even number of passes ends with the data back in a; copy in case PASSES is ever odd
        if (from != a) System.arraycopy(from, 0, a, 0, a.length);
    }

    /** Flipping the sign bit maps signed order onto unsigned order: MIN_VALUE becomes 0, MAX_VALUE becomes 0xFFFFFFFF. */
    int digit(int x, int shift) {
        return ((x ^ Integer.MIN_VALUE) >>> shift) & (RADIX - 1);
    }
}
