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

    /** Keeps the output matrix in a field to save allocations: the next call overwrites the caller's earlier output. */
    static final class ReusesOutputBuffer extends RmsNormReference {
        private double[][] buffer = new double[0][];

        @Override
        public double[][] forward(double[][] x, double[] gamma, double eps) {
            double[][] y = super.forward(x, gamma, eps);
            if (buffer.length != y.length || buffer[0].length != y[0].length) buffer = new double[y.length][y[0].length];
            for (int r = 0; r < y.length; r++) System.arraycopy(y[r], 0, buffer[r], 0, y[r].length);
            return buffer;
        }
    }

    /** Averages dgamma over the rows instead of summing it. */
    static final class DgammaAveragedOverRows extends RmsNormReference {
        @Override
        public Grads backward(double[][] x, double[] gamma, double eps, double[][] upstream) {
            Grads g = super.backward(x, gamma, eps, upstream);
            double[] dgamma = g.dgamma().clone();
            for (int i = 0; i < dgamma.length; i++) dgamma[i] /= x.length;
            return new Grads(g.dx(), dgamma);
        }
    }

    /** Forgets gamma in the second term of dx: rinv * (g - xhat * mean(upstream * xhat)). */
    static final class SecondTermOfDxWithoutGamma extends RmsNormReference {
        @Override
        public Grads backward(double[][] x, double[] gamma, double eps, double[][] upstream) {
            Grads g = super.backward(x, gamma, eps, upstream);
            int n = x.length, d = gamma.length;
            double[][] dx = new double[n][d];
            for (int r = 0; r < n; r++) {
                double inv = inverseRms(x[r], eps), m = 0;
                for (int i = 0; i < d; i++) m += upstream[r][i] * x[r][i] * inv;
                m /= d;
                for (int i = 0; i < d; i++) dx[r][i] = inv * (upstream[r][i] * gamma[i] - x[r][i] * inv * m);
            }
            return new Grads(dx, g.dgamma());
        }
    }

    /** The RMS as |x| / sqrt(d) with eps inside the norm: sqrt((sum x^2 + eps) / d) shrinks eps by a factor d. */
    static final class EpsInsideTheNormNotTheMean extends RmsNormReference {
        @Override
        protected double inverseRms(double[] row, double eps) {
            double s = 0;
            for (double v : row) s += v * v;
            return 1 / Math.sqrt((s + eps) / row.length);
        }
    }
}
