package katagym.peft;

/** Correct int8 quantisers written differently from the reference. */
final class Int8QuantizationAlternatives {
    private Int8QuantizationAlternatives() {}

    /** Rounds half to even by hand (floor, then compare the remainder with 1/2) and saturates with if-statements. */
    static final class HandWrittenRoundHalfToEven implements Int8Quantization {
        static long roundHalfEven(double v) {
            double f = Math.floor(v);
            double rem = v - f; // exact for |v| < 2^52
            long n = (long) f;
            if (rem > 0.5 || (rem == 0.5 && (n & 1) != 0)) n++;
            return n;
        }

        @Override
        public Quantized quantize(double[] x) {
            double m = 0;
            for (double v : x) if (Math.abs(v) > m) m = Math.abs(v);
            double scale = m / 127;
            int[] codes = new int[x.length];
            if (scale == 0) return new Quantized(codes, 0.0);
            for (int i = 0; i < x.length; i++) {
                long c = roundHalfEven(x[i] / scale);
                if (c > 127) c = 127;
                if (c < -127) c = -127;
                codes[i] = (int) c;
            }
            return new Quantized(codes, scale);
        }

        @Override
        public double[] dequantize(int[] codes, double scale) {
            double[] y = new double[codes.length];
            for (int i = 0; i < y.length; i++) y[i] = scale * codes[i];
            return y;
        }
    }
}
