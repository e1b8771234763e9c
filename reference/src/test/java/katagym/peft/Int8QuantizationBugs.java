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
}
