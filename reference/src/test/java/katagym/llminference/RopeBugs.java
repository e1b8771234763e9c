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
}
