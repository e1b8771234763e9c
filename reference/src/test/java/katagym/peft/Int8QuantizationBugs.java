package katagym.peft;

/** Plausible learner bugs the int8-quantization spec must catch. */
final class Int8QuantizationBugs {
    private Int8QuantizationBugs() {}

    /** Rounds with Math.round, which sends x.5 up (2.5 becomes 3) instead of to the even neighbour. */
    static final class MathRound extends Int8QuantizationReference {
        @Override
        public Quantized quantize(double[] x) {
            double scale = absmax(x) / 127;
            int[] codes = new int[x.length];
            if (scale == 0) return new Quantized(codes, 0.0);
            for (int i = 0; i < x.length; i++) codes[i] = (int) Math.max(-127, Math.min(127, Math.round(x[i] / scale)));
            return new Quantized(codes, scale);
        }
    }

    /** Rounds half away from zero (the schoolbook rule), so -2.5 becomes -3 and 2.5 becomes 3. */
    static final class HalfAwayFromZero extends Int8QuantizationReference {
        @Override
        public Quantized quantize(double[] x) {
            double scale = absmax(x) / 127;
            int[] codes = new int[x.length];
            if (scale == 0) return new Quantized(codes, 0.0);
            for (int i = 0; i < x.length; i++) {
                double v = x[i] / scale;
                codes[i] = (int) Math.max(-127, Math.min(127, Math.signum(v) * Math.floor(Math.abs(v) + 0.5)));
            }
            return new Quantized(codes, scale);
        }
    }

    /** Divides the absmax by 128 (the int8 range is [-128, 127]), so the largest element clips. */
    static final class ScaleOver128 extends Int8QuantizationReference {
        @Override
        public Quantized quantize(double[] x) {
            double scale = absmax(x) / 128;
            int[] codes = new int[x.length];
            if (scale == 0) return new Quantized(codes, 0.0);
            for (int i = 0; i < x.length; i++) codes[i] = code(x[i], scale);
            return new Quantized(codes, scale);
        }
    }

    /** Casts x / scale to int, truncating toward zero instead of rounding. */
    static final class Truncates extends Int8QuantizationReference {
        @Override
        public Quantized quantize(double[] x) {
            double scale = absmax(x) / 127;
            int[] codes = new int[x.length];
            if (scale == 0) return new Quantized(codes, 0.0);
            for (int i = 0; i < x.length; i++) codes[i] = (int) (x[i] / scale);
            return new Quantized(codes, scale);
        }
    }

    /** Sets scale to 1 for a zero vector to avoid dividing by zero, contradicting scale = max|x| / 127. */
    static final class ScaleOneForZeroVector extends Int8QuantizationReference {
        @Override
        public Quantized quantize(double[] x) {
            Quantized q = super.quantize(x);
            return q.scale() == 0 ? new Quantized(q.codes(), 1.0) : q;
        }
    }

    /** Skips the clamp "because |x / scale| <= 127 anyway": a subnormal absmax / 127 rounds, and a code can pass 127. */
    static final class NoClampToInt8Range extends Int8QuantizationReference {
        @Override
        public Quantized quantize(double[] x) {
            double scale = absmax(x) / 127;
            int[] codes = new int[x.length];
            if (scale == 0) return new Quantized(codes, 0.0);
            for (int i = 0; i < x.length; i++) codes[i] = (int) Math.rint(x[i] / scale);
            return new Quantized(codes, scale);
        }
    }

    /** Finds the absmax with a stream's max().getAsDouble(), which throws on an empty vector. */
    static final class EmptyVectorThrows extends Int8QuantizationReference {
        @Override
        public Quantized quantize(double[] x) {
            double m = java.util.Arrays.stream(x).map(Math::abs).max().getAsDouble();
            double scale = m / 127;
            int[] codes = new int[x.length];
            if (scale == 0) return new Quantized(codes, 0.0);
            for (int i = 0; i < x.length; i++) codes[i] = code(x[i], scale);
            return new Quantized(codes, scale);
        }
    }

    /** Keeps the codes array in a field reused between calls of the same length. */
    static final class ReusesCodesBuffer extends Int8QuantizationReference {
        private int[] buffer = new int[0];

        @Override
        public Quantized quantize(double[] x) {
            Quantized q = super.quantize(x);
            if (buffer.length != q.codes().length) buffer = new int[q.codes().length];
            System.arraycopy(q.codes(), 0, buffer, 0, buffer.length);
            return new Quantized(buffer, q.scale());
        }
    }
}
