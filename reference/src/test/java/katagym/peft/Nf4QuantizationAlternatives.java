package katagym.peft;

/** Correct NF4 quantisers written differently from the reference. */
final class Nf4QuantizationAlternatives {
    private Nf4QuantizationAlternatives() {}

    /**
     * Binary search over the 15 midpoints between adjacent levels (exact: the levels are float32
     * values), as bitsandbytes' decision tree does; a value exactly on a midpoint goes to the lower
     * level. The absmax is computed block by block.
     */
    static final class BinarySearchOverMidpoints implements Nf4Quantization {
        private static final double[] MID = new double[15];

        static {
            for (int j = 0; j < 15; j++) MID[j] = (LEVELS[j] + LEVELS[j + 1]) / 2;
        }

        static int nearest(double v) {
            int lo = 0, hi = 15; // the answer lies in [lo, hi]
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (v <= MID[mid]) hi = mid; else lo = mid + 1;
            }
            return lo;
        }

        @Override
        public Quantized quantize(double[] x, int blockSize) {
            int blocks = (x.length + blockSize - 1) / blockSize;
            double[] absmax = new double[blocks];
            int[] codes = new int[x.length];
            for (int k = 0; k < blocks; k++) {
                int from = k * blockSize, to = Math.min(x.length, from + blockSize);
                double m = 0;
                for (int i = from; i < to; i++) m = Math.max(m, Math.abs(x[i]));
                absmax[k] = m;
                for (int i = from; i < to; i++) codes[i] = m == 0 ? 7 : nearest(x[i] / m);
            }
            return new Quantized(codes, absmax);
        }

        @Override
        public double[] dequantize(int[] codes, double[] absmax, int blockSize) {
            double[] y = new double[codes.length];
            for (int i = 0; i < y.length; i++) y[i] = LEVELS[codes[i]] * absmax[i / blockSize];
            return y;
        }
    }
}
