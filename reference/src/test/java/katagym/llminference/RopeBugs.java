package katagym.llminference;

/** Plausible learner bugs the rope spec must catch. */
final class RopeBugs {
    private RopeBugs() {}

    /** Rotates the two halves (x[i], x[i + d/2]) as GPT-NeoX does, instead of interleaved pairs. */
    static final class RotatesHalves extends RopeReference {
        @Override
        public double[][] apply(double[][] x, double[] positions, double base) {
            double[][] y = new double[x.length][];
            for (int t = 0; t < x.length; t++) {
                int d = x[t].length, h = d / 2;
                y[t] = new double[d];
                for (int i = 0; i < h; i++) {
                    double theta = positions[t] * frequency(i, d, base);
                    double c = Math.cos(theta), s = Math.sin(theta);
                    y[t][i] = x[t][i] * c - x[t][i + h] * s;
                    y[t][i + h] = x[t][i] * s + x[t][i + h] * c;
                }
            }
            return y;
        }
    }

    /** Uses the pair index i where the exponent needs 2i: the frequency is base^(-i/d). */
    static final class ExponentUsesPairIndex extends RopeReference {
        @Override
        public double[][] apply(double[][] x, double[] positions, double base) {
            double[][] y = new double[x.length][];
            for (int t = 0; t < x.length; t++) {
                int d = x[t].length;
                y[t] = new double[d];
                for (int i = 0; i < d / 2; i++) {
                    double theta = positions[t] * Math.pow(base, -(double) i / d);
                    double c = Math.cos(theta), s = Math.sin(theta);
                    y[t][2 * i] = x[t][2 * i] * c - x[t][2 * i + 1] * s;
                    y[t][2 * i + 1] = x[t][2 * i] * s + x[t][2 * i + 1] * c;
                }
            }
            return y;
        }
    }

    /** Rotates pair i by the angle m * i (its index) instead of m * base^(-2i/d). */
    static final class AngleIsPositionTimesPairIndex extends RopeReference {
        @Override
        public double[][] apply(double[][] x, double[] positions, double base) {
            double[][] y = new double[x.length][];
            for (int t = 0; t < x.length; t++) {
                int d = x[t].length;
                y[t] = new double[d];
                for (int i = 0; i < d / 2; i++) {
                    double theta = positions[t] * i;
                    double c = Math.cos(theta), s = Math.sin(theta);
                    y[t][2 * i] = x[t][2 * i] * c - x[t][2 * i + 1] * s;
                    y[t][2 * i + 1] = x[t][2 * i] * s + x[t][2 * i + 1] * c;
                }
            }
            return y;
        }
    }

    /** Uses the row index as the position, so a decode step starting at position 57 is rotated as position 0. */
    static final class RowIndexAsPosition extends RopeReference {
        @Override
        public double[][] apply(double[][] x, double[] positions, double base) {
            double[] rows = new double[x.length];
            for (int t = 0; t < rows.length; t++) rows[t] = t;
            return super.apply(x, rows, base);
        }
    }

    /** Rotates the wrong way: the sign of sin is flipped (a rotation by -theta). */
    static final class RotatesBackwards extends RopeReference {
        @Override
        public double[][] apply(double[][] x, double[] positions, double base) {
            double[] neg = new double[positions.length];
            for (int t = 0; t < neg.length; t++) neg[t] = -positions[t];
            return super.apply(x, neg, base);
        }
    }

    /** "Position 0 is the identity anyway": returns the input row itself there, so the result aliases x. */
    static final class AliasesRowsAtPositionZero extends RopeReference {
        @Override
        public double[][] apply(double[][] x, double[] positions, double base) {
            double[][] y = super.apply(x, positions, base);
            for (int t = 0; t < x.length; t++) if (positions[t] == 0) y[t] = x[t];
            return y;
        }
    }

    /** Writes -2 * i / d in int arithmetic: the exponent is 0 for every pair, so every pair turns m radians. */
    static final class IntegerDivisionInTheExponent extends RopeReference {
        @Override
        public double[][] apply(double[][] x, double[] positions, double base) {
            double[][] y = new double[x.length][];
            for (int t = 0; t < x.length; t++) {
                int d = x[t].length;
                y[t] = new double[d];
                for (int i = 0; i < d / 2; i++) {
                    double theta = positions[t] * Math.pow(base, -2 * i / d);
                    double c = Math.cos(theta), s = Math.sin(theta);
                    y[t][2 * i] = x[t][2 * i] * c - x[t][2 * i + 1] * s;
                    y[t][2 * i + 1] = x[t][2 * i] * s + x[t][2 * i + 1] * c;
                }
            }
            return y;
        }
    }

    /** Keeps the output matrix in a field to avoid allocations: the next call overwrites the previous result. */
    static final class ReusesTheOutputBuffer extends RopeReference {
        private double[][] buffer = new double[0][];

        @Override
        public double[][] apply(double[][] x, double[] positions, double base) {
            double[][] fresh = super.apply(x, positions, base);
            if (buffer.length != fresh.length || (fresh.length > 0 && buffer[0].length != fresh[0].length)) {
                buffer = new double[fresh.length][fresh.length == 0 ? 0 : fresh[0].length];
            }
            for (int t = 0; t < fresh.length; t++) System.arraycopy(fresh[t], 0, buffer[t], 0, fresh[t].length);
            return buffer;
        }
    }

    /** Reads the width as x[0].length before the loop: an empty batch (n = 0) throws instead of giving []. */
    static final class ReadsTheWidthOfTheFirstRow extends RopeReference {
        @Override
        public double[][] apply(double[][] x, double[] positions, double base) {
            int d = x[0].length;
            if (d % 2 != 0) throw new IllegalArgumentException("odd width");
            return super.apply(x, positions, base);
        }
    }
}
