package katagym.activations;

/** Plausible learner bugs the gelu spec must catch. */
final class GeluBugs {
    private GeluBugs() {}

    /** Types 0.44715 for the cubic coefficient 0.044715 (in both the forward and the backward). */
    static final class CubicCoefficientTenTimesTooLarge extends GeluReference {
        @Override
        public double[] forwardTanh(double[] x) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                y[i] = 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.44715 * v * v * v)));
            }
            return y;
        }

        @Override
        public double[] backwardTanh(double[] x, double[] upstream) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                double t = Math.tanh(SQRT_2_OVER_PI * (v + 0.44715 * v * v * v));
                dx[i] = upstream[i] * (0.5 * (1 + t) + 0.5 * v * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * 0.44715 * v * v));
            }
            return dx;
        }
    }

    /** Uses sqrt(pi/2) instead of sqrt(2/pi) in the forward of the tanh form. */
    static final class SqrtPiOverTwo extends GeluReference {
        @Override
        public double[] forwardTanh(double[] x) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                y[i] = 0.5 * v * (1 + Math.tanh(Math.sqrt(Math.PI / 2) * (v + KAPPA * v * v * v)));
            }
            return y;
        }
    }

    /** Differentiates x Phi(x) as Phi(x), forgetting the product rule's x phi(x) term. */
    static final class BackwardForgetsXTimesPdf extends GeluReference {
        @Override
        public double[] backward(double[] x, double[] upstream) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) dx[i] = upstream[i] * cdf(x[i]);
            return dx;
        }
    }

    /** Writes the normal density as exp(-x^2/2), without the 1/sqrt(2 pi): a derivative off by a factor. */
    static final class PdfMissingNormalisation extends GeluReference {
        @Override
        public double[] backward(double[] x, double[] upstream) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) dx[i] = upstream[i] * (cdf(x[i]) + x[i] * Math.exp(-0.5 * x[i] * x[i]));
            return dx;
        }
    }

    /** Uses erf(x) instead of erf(x / sqrt 2), consistently in the forward and the backward. */
    static final class ErfOfXInsteadOfXOverSqrtTwo extends GeluReference {
        @Override
        public double[] forward(double[] x) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) y[i] = 0.5 * x[i] * (1 + Gelu.erf(x[i]));
            return y;
        }

        @Override
        public double[] backward(double[] x, double[] upstream) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                dx[i] = upstream[i] * (0.5 * (1 + Gelu.erf(v)) + v * Math.exp(-v * v) / Math.sqrt(Math.PI));
            }
            return dx;
        }
    }
}
