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

    /** One scratch buffer shared by the four methods: each call overwrites the result of the one before. */
    static final class SharedScratchBuffer extends GeluReference {
        private double[] buffer = new double[0];

        private double[] into(double[] values) {
            if (buffer.length != values.length) buffer = new double[values.length];
            System.arraycopy(values, 0, buffer, 0, values.length);
            return buffer;
        }

        @Override public double[] forward(double[] x) { return into(super.forward(x)); }
        @Override public double[] backward(double[] x, double[] upstream) { return into(super.backward(x, upstream)); }
        @Override public double[] forwardTanh(double[] x) { return into(super.forwardTanh(x)); }
        @Override public double[] backwardTanh(double[] x, double[] upstream) { return into(super.backwardTanh(x, upstream)); }
    }

    /** Writes tanh(u) as (e^u - e^-u) / (e^u + e^-u): u grows like x^3, so NaN from |x| of about 21 on. */
    static final class TanhFormViaExpRatio extends GeluReference {
        static double tanh(double u) {
            double p = Math.exp(u), n = Math.exp(-u);
            return (p - n) / (p + n);
        }

        @Override
        public double[] forwardTanh(double[] x) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                y[i] = 0.5 * v * (1 + tanh(SQRT_2_OVER_PI * (v + KAPPA * v * v * v)));
            }
            return y;
        }

        @Override
        public double[] backwardTanh(double[] x, double[] upstream) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                double t = tanh(SQRT_2_OVER_PI * (v + KAPPA * v * v * v));
                dx[i] = upstream[i] * (0.5 * (1 + t) + 0.5 * v * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * KAPPA * v * v));
            }
            return dx;
        }
    }

    /** Differentiates the cubic as kappa x^2 instead of 3 kappa x^2 in the tanh form's backward. */
    static final class TanhBackwardForgetsTheThree extends GeluReference {
        @Override
        public double[] backwardTanh(double[] x, double[] upstream) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                double t = Math.tanh(SQRT_2_OVER_PI * (v + KAPPA * v * v * v));
                dx[i] = upstream[i] * (0.5 * (1 + t) + 0.5 * v * (1 - t * t) * SQRT_2_OVER_PI * (1 + KAPPA * v * v));
            }
            return dx;
        }
    }
}
