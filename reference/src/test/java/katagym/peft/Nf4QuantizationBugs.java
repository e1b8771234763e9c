package katagym.peft;

/** Plausible learner bugs the nf4-quantization spec must catch. */
final class Nf4QuantizationBugs {
    private Nf4QuantizationBugs() {}

    /** Normalises by the absmax of the whole tensor instead of each block's own. */
    static final class WholeTensorAbsmax extends Nf4QuantizationReference {
        @Override
        public Quantized quantize(double[] x, int blockSize) {
            double[] absmax = blockAbsmax(x, blockSize);
            double m = 0;
            for (double v : absmax) m = Math.max(m, v);
            java.util.Arrays.fill(absmax, m);
            return quantizeWith(x, blockSize, absmax);
        }
    }

    /** Uses evenly spaced 4-bit levels (round(7 x / absmax) + 7, like int4) instead of the NF4 table. */
    static final class EvenlySpacedLevels extends Nf4QuantizationReference {
        @Override
        public Quantized quantize(double[] x, int blockSize) {
            double[] absmax = blockAbsmax(x, blockSize);
            int[] codes = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                double m = absmax[i / blockSize];
                codes[i] = m == 0 ? 7 : (int) Math.rint(7 * x[i] / m) + 7;
            }
            return new Quantized(codes, absmax);
        }
    }

    /** Divides by 0 in an all-zero block: NaN compares false with every level, so the code stays 0 (level -1). */
    static final class ZeroBlockNotHandled extends Nf4QuantizationReference {
        @Override
        public Quantized quantize(double[] x, int blockSize) {
            double[] absmax = blockAbsmax(x, blockSize);
            int[] codes = new int[x.length];
            for (int i = 0; i < x.length; i++) codes[i] = nearest(x[i] / absmax[i / blockSize]);
            return new Quantized(codes, absmax);
        }
    }

    /** Takes the block maximum of x instead of |x|, so a block of mostly negative values is scaled wrongly. */
    static final class MaxNotAbsmax extends Nf4QuantizationReference {
        @Override
        public Quantized quantize(double[] x, int blockSize) {
            int blocks = (x.length + blockSize - 1) / blockSize;
            double[] absmax = new double[blocks];
            for (int i = 0; i < x.length; i++) absmax[i / blockSize] = Math.max(absmax[i / blockSize], x[i]);
            return quantizeWith(x, blockSize, absmax);
        }
    }

    /** Looks the block up with i % blockSize instead of i / blockSize when dequantising. */
    static final class DequantizeBlockIndexByModulo extends Nf4QuantizationReference {
        @Override
        public double[] dequantize(int[] codes, double[] absmax, int blockSize) {
            double[] y = new double[codes.length];
            for (int i = 0; i < codes.length; i++) y[i] = LEVELS[codes[i]] * absmax[(i % blockSize) % absmax.length];
            return y;
        }
    }

    /** Replaces the best level on a tie too ({@code <=}), so a value exactly halfway between two levels gets the upper one. */
    static final class TieTakesTheUpperIndex extends Nf4QuantizationReference {
        @Override
        public Quantized quantize(double[] x, int blockSize) {
            double[] absmax = blockAbsmax(x, blockSize);
            int[] codes = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                double m = absmax[i / blockSize];
                if (m == 0) { codes[i] = 7; continue; }
                double v = x[i] / m;
                int best = 0;
                for (int j = 1; j < LEVELS.length; j++) {
                    if (Math.abs(v - LEVELS[j]) <= Math.abs(v - LEVELS[best])) best = j;
                }
                codes[i] = best;
            }
            return new Quantized(codes, absmax);
        }
    }

    /** Keeps the codes array in a field reused between calls of the same length. */
    static final class ReusesCodesBuffer extends Nf4QuantizationReference {
        private int[] buffer = new int[0];

        @Override
        public Quantized quantize(double[] x, int blockSize) {
            Quantized q = super.quantize(x, blockSize);
            if (buffer.length != q.codes().length) buffer = new int[q.codes().length];
            System.arraycopy(q.codes(), 0, buffer, 0, buffer.length);
            return new Quantized(buffer, q.absmax());
        }
    }

    /** Multiplies by 1 / absmax "because division is slow": 1 / absmax is Infinity for a subnormal absmax. */
    static final class MultipliesByTheReciprocal extends Nf4QuantizationReference {
        @Override
        public Quantized quantize(double[] x, int blockSize) {
            double[] absmax = blockAbsmax(x, blockSize);
            int[] codes = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                double m = absmax[i / blockSize];
                codes[i] = m == 0 ? 7 : nearest(x[i] * (1 / m));
            }
            return new Quantized(codes, absmax);
        }
    }

    /** Counts blocks with the idiom (n - 1) / blockSize + 1, which gives one block (not zero) for an empty x. */
    static final class CeilIdiomGivesOneBlockForEmpty extends Nf4QuantizationReference {
        @Override
        public Quantized quantize(double[] x, int blockSize) {
            double[] absmax = new double[(x.length - 1) / blockSize + 1];
            for (int i = 0; i < x.length; i++) absmax[i / blockSize] = Math.max(absmax[i / blockSize], Math.abs(x[i]));
            return quantizeWith(x, blockSize, absmax);
        }
    }
}
