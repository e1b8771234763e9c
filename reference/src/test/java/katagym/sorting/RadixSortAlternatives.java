package katagym.sorting;

/** Correct radix sorts written unlike the reference. */
final class RadixSortAlternatives {
    private RadixSortAlternatives() {}

    /** Two passes of 16-bit digits (65536 counters). */
    static final class SixteenBitDigits implements RadixSort {
        @Override
        public void sort(int[] a) {
            int[] out = new int[a.length];
            for (int shift = 0; shift < 32; shift += 16) {
                int[] count = new int[65537];
                for (int x : a) count[(((x ^ Integer.MIN_VALUE) >>> shift) & 0xFFFF) + 1]++;
                for (int d = 0; d < 65536; d++) count[d + 1] += count[d];
                for (int x : a) out[count[((x ^ Integer.MIN_VALUE) >>> shift) & 0xFFFF]++] = x;
                System.arraycopy(out, 0, a, 0, a.length);
            }
        }
    }

    /** Unsigned low bytes, a signed top byte ((x >> 24) + 128), each pass placing from the back with end offsets. */
    static final class SignedTopByteFromTheBack implements RadixSort {
        @Override
        public void sort(int[] a) {
            int[] out = new int[a.length];
            for (int pass = 0; pass < 4; pass++) {
                int[] count = new int[256];
                for (int x : a) count[digit(x, pass)]++;
                for (int d = 1; d < 256; d++) count[d] += count[d - 1];
                for (int i = a.length - 1; i >= 0; i--) out[--count[digit(a[i], pass)]] = a[i];
                System.arraycopy(out, 0, a, 0, a.length);
            }
        }

        private static int digit(int x, int pass) {
            return pass < 3 ? (x >>> (8 * pass)) & 0xFF : (x >> 24) + 128;
        }
    }

    /** Three passes of 11-bit digits, alternating buffers, with the final copy back that an odd pass count needs. */
    static final class ElevenBitDigits implements RadixSort {
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
            if (from != a) System.arraycopy(from, 0, a, 0, a.length);
        }
    }
}
