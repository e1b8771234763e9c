package katagym.activations;

/** Plausible learner bugs the silu spec must catch. */
final class SiluBugs {
    private SiluBugs() {}

    /** Uses x * exp(x) / (1 + exp(x)) for every x: inf / inf = NaN once x > 709. */
    static final class UnstableSigmoid extends SiluReference {
        @Override
        public double[] forward(double[] x) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) y[i] = x[i] * Math.exp(x[i]) / (1 + Math.exp(x[i]));
            return y;
        }
    }

    /** Treats x as a constant: the derivative of x * s(x) taken as s(x) alone. */
    static final class DerivativeIsJustSigmoid extends SiluReference {
        @Override
        public double[] backward(double[] x, double[] upstream) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) dx[i] = upstream[i] * sigmoid(x[i]);
            return dx;
        }
    }

    /** Drops the (1 - s) factor of the sigmoid's derivative: s (1 + x). */
    static final class DerivativeMissingOneMinusSigmoid extends SiluReference {
        @Override
        public double[] backward(double[] x, double[] upstream) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) dx[i] = upstream[i] * sigmoid(x[i]) * (1 + x[i]);
            return dx;
        }
    }
}
