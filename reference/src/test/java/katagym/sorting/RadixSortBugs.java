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

    /** Offsets by Integer.MAX_VALUE instead of 2^31 (x + MAX_VALUE read as unsigned): MIN_VALUE wraps to 0xFFFFFFFF and sorts last. */
    static final class OffsetByMaxValue extends RadixSortReference {
        @Override
        int digit(int x, int shift) {
            return ((x + Integer.MAX_VALUE) >>> shift) & (RADIX - 1);
        }
    }

    /** Starts its "largest key" scan from a[0] to count the passes needed: throws on an empty array. */
    static final class LargestKeyFromTheFirstElement extends RadixSortReference {
        @Override
        public void sort(int[] a) {
            int largest = a[0] ^ Integer.MIN_VALUE;
            for (int x : a) if (Integer.compareUnsigned(x ^ Integer.MIN_VALUE, largest) > 0) largest = x ^ Integer.MIN_VALUE;
            super.sort(a);
        }
    }

    /** Sorts the negatives by magnitude (-x) and the others as they are, then concatenates without reversing the negatives: -1 comes before -5. */
    static final class NegativesByMagnitudeNotReversed implements RadixSort {
        @Override
        public void sort(int[] a) {
            int[] neg = java.util.Arrays.stream(a).filter(x -> x < 0).map(x -> -x).toArray();
            int[] pos = java.util.Arrays.stream(a).filter(x -> x >= 0).toArray();
            unsigned(neg);
            unsigned(pos);
            int k = 0;
            for (int m : neg) a[k++] = -m;
            for (int x : pos) a[k++] = x;
        }

        private static void unsigned(int[] a) {
            int[] out = new int[a.length];
            for (int shift = 0; shift < 32; shift += 8) {
                int[] count = new int[257];
                for (int x : a) count[((x >>> shift) & 0xFF) + 1]++;
                for (int d = 0; d < 256; d++) count[d + 1] += count[d];
                for (int x : a) out[count[(x >>> shift) & 0xFF]++] = x;
                System.arraycopy(out, 0, a, 0, a.length);
            }
        }
    }

    /** Three passes of 11-bit digits, swapping the array and the scratch buffer after each: the result stays in the scratch buffer. */
    static final class ElevenBitDigitsResultLeftInScratch implements RadixSort {
        @Override
        public void sort(int[] a) {
            int[] from = a, to = new int[a.length];
            for (int shift = 0; shift < 32; shift += 11) {
                int[] count = new int[2049];
                for (int x : from) count[(((x ^ Integer.MIN_VALUE) >>> shift) & 2047) + 1]++;
                for (int d = 0; d < 2048; d++) count[d + 1] += count[d];
                for (int x : from) to[count[((x ^ Integer.MIN_VALUE) >>> shift) & 2047]++] = x;
                int[] t = from; from = to; to = t;
            }
        }
    }
}
