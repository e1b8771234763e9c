package katagym.transformer;

/** Plausible learner bugs the positional-encoding spec must catch. */
final class PositionalEncodingBugs {
    private PositionalEncodingBugs() {}

    /** Cosine on the even columns and sine on the odd ones. */
    static final class SinAndCosSwapped extends PositionalEncodingReference {
        @Override
        public double[][] encode(int numPositions, int d) {
            double[][] pe = new double[numPositions][d];
            for (int pos = 0; pos < numPositions; pos++)
                for (int c = 0; c < d; c++) {
                    double angle = pos * frequency(c / 2, c, d);
                    pe[pos][c] = c % 2 == 0 ? Math.cos(angle) : Math.sin(angle);
                }
            return pe;
        }
    }

    /** Exponent i/d instead of 2i/d for pair i: the wavelengths stop far short of 10000 * 2 pi. */
    static final class ExponentIOverD extends PositionalEncodingReference {
        @Override
        protected double frequency(int pair, int column, int d) {
            return Math.pow(10000, -(double) pair / d);
        }
    }

    /** Uses the column index j in 2j/d, so a pair's sine and cosine get different frequencies. */
    static final class ColumnIndexInTheExponent extends PositionalEncodingReference {
        @Override
        protected double frequency(int pair, int column, int d) {
            return Math.pow(10000, -2.0 * column / d);
        }
    }

    /** The table never changes, so it caches it per (numPositions, d) and returns the same array every time. */
    static final class CachesTheTable extends PositionalEncodingReference {
        private final java.util.Map<Long, double[][]> cache = new java.util.HashMap<>();

        @Override
        public double[][] encode(int numPositions, int d) {
            return cache.computeIfAbsent(((long) numPositions << 32) | d, key -> super.encode(numPositions, d));
        }
    }

    /** Counts positions from 1: the first row is PE(1), not PE(0). */
    static final class PositionsStartAtOne extends PositionalEncodingReference {
        @Override
        public double[][] encode(int numPositions, int d) {
            double[][] pe = super.encode(numPositions + 1, d);
            return java.util.Arrays.copyOfRange(pe, 1, numPositions + 1);
        }
    }

    /** Writes the exponent as 2 * i / d in int arithmetic: every pair gets frequency 1. */
    static final class IntegerDivisionInTheExponent extends PositionalEncodingReference {
        @Override
        protected double frequency(int pair, int column, int d) {
            return Math.pow(10000, -(2 * pair / d));
        }
    }

    /** Builds the table for an even width and drops the last column, so an odd d uses d + 1 in the exponent. */
    static final class OddWidthPaddedToEven extends PositionalEncodingReference {
        @Override
        protected double frequency(int pair, int column, int d) {
            return Math.pow(10000, -2.0 * pair / (d + d % 2));
        }
    }
}
