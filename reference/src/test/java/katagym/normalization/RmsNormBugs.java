package katagym.normalization;

/** Plausible learner bugs the rms-norm spec must catch. */
final class RmsNormBugs {
    private RmsNormBugs() {}

    /** Adds eps outside the square root: 1 / (sqrt(mean(x^2)) + eps). */
    static final class EpsOutsideSqrt extends RmsNormReference {
        @Override
        protected double inverseRms(double[] row, double eps) {
            double s = 0;
            for (double v : row) s += v * v;
            return 1 / (Math.sqrt(s / row.length) + eps);
        }
    }

    /** Divides by the root of the SUM of squares (the L2 norm) instead of the mean. */
    static final class SumInsteadOfMean extends RmsNormReference {
        @Override
        protected double inverseRms(double[] row, double eps) {
            double s = 0;
            for (double v : row) s += v * v;
            return 1 / Math.sqrt(s + eps);
        }
    }

    /** Centres the row first, as LayerNorm does: x - mean(x) before the RMS. */
    static final class SubtractsTheMean extends RmsNormReference {
        @Override
        public double[][] forward(double[][] x, double[] gamma, double eps) {
            double[][] c = new double[x.length][];
            for (int r = 0; r < x.length; r++) {
                double m = 0;
                for (double v : x[r]) m += v;
                m /= x[r].length;
                c[r] = new double[x[r].length];
                for (int i = 0; i < c[r].length; i++) c[r][i] = x[r][i] - m;
            }
            return super.forward(c, gamma, eps);
        }
    }

    /** Treats the RMS as a constant in backward: dx = upstream * gamma / rms. */
    static final class BackwardIgnoresTheRms extends RmsNormReference {
        @Override
        public Grads backward(double[][] x, double[] gamma, double eps, double[][] upstream) {
            Grads g = super.backward(x, gamma, eps, upstream);
            double[][] dx = new double[x.length][gamma.length];
            for (int r = 0; r < x.length; r++) {
                double inv = inverseRms(x[r], eps);
                for (int i = 0; i < gamma.length; i++) dx[r][i] = upstream[r][i] * gamma[i] * inv;
            }
            return new Grads(dx, g.dgamma());
        }
    }
}
