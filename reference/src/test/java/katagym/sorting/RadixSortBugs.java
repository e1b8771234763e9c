package katagym.sorting;

/** Plausible learner bugs the radix-sort spec must catch. */
final class RadixSortBugs {
    private RadixSortBugs() {}

    /** Shifts by 7 bits per pass instead of 8: bits 29..31 are never looked at. */
    static final class ShiftOffByOne extends RadixSortReference {
        @Override
        int digit(int x, int shift) {
            return ((x ^ Integer.MIN_VALUE) >>> (shift / 8 * 7)) & (RADIX - 1);
        }
    }

    /** Reads the bytes as unsigned without flipping the sign bit: negatives sort after the positives. */
    static final class NegativesAfterPositives extends RadixSortReference {
        @Override
        int digit(int x, int shift) {
            return (x >>> shift) & (RADIX - 1);
        }
    }

    /** Walks the input forward but fills each bucket from its end: each pass reverses equal digits, so it is not stable. */
    static final class UnstableDigitPass implements RadixSort {
        @Override
        public void sort(int[] a) {
            int[] out = new int[a.length];
            for (int shift = 0; shift < 32; shift += 8) {
                int[] count = new int[256];
                for (int x : a) count[((x ^ Integer.MIN_VALUE) >>> shift) & 0xFF]++;
                for (int d = 1; d < 256; d++) count[d] += count[d - 1]; // count[d] = one past the last slot of d
                for (int x : a) out[--count[((x ^ Integer.MIN_VALUE) >>> shift) & 0xFF]] = x;
                System.arraycopy(out, 0, a, 0, a.length);
            }
        }
    }
}
