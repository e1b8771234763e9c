package katagym.activations;

/** Plausible learner bugs the sigmoid spec must catch. */
final class SigmoidBugs {
    private SigmoidBugs() {}

    /** The textbook exp(x) / (1 + exp(x)) for every x: inf / inf = NaN once x > 709. */
    static final class ExpOverOnePlusExp extends SigmoidReference {
        @Override
        public double[] forward(double[] x) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) y[i] = Math.exp(x[i]) / (1 + Math.exp(x[i]));
            return y;
        }
    }

    /** Forgets the (1 - y) factor of the derivative. */
    static final class DerivativeMissingFactor extends SigmoidReference {
        @Override
        public double[] backward(double[] x, double[] upstream) {
            double[] y = forward(x);
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) dx[i] = upstream[i] * y[i];
            return dx;
        }
    }

    /** Computes the derivative in place over the input array, which the caller still needs. */
    static final class OverwritesItsInput extends SigmoidReference {
        @Override
        public double[] forward(double[] x) {
            for (int i = 0; i < x.length; i++) x[i] = sigmoid(x[i]);
            return x;
        }
    }
}
