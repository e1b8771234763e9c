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

    /** Keeps one output buffer in a field to "save allocations": the second call overwrites the first result. */
    static final class ReusesOutputBuffer extends SigmoidReference {
        private double[] buffer = new double[0];

        @Override
        public double[] forward(double[] x) {
            if (buffer.length != x.length) buffer = new double[x.length];
            for (int i = 0; i < x.length; i++) buffer[i] = sigmoid(x[i]);
            return buffer;
        }
    }

    /** "It is zero anyway" below -30: sigmoid(-40) is 4.2e-18, not 0, and the contract asks for relative accuracy. */
    static final class FlushesToZeroBelowMinusThirty extends SigmoidReference {
        @Override
        public double[] forward(double[] x) {
            double[] y = super.forward(x);
            for (int i = 0; i < x.length; i++) if (x[i] < -30) y[i] = 0;
            return y;
        }
    }

    /** Returns the local derivative y(1 - y) and forgets to multiply by the upstream gradient. */
    static final class BackwardIgnoresUpstream extends SigmoidReference {
        @Override
        public double[] backward(double[] x, double[] upstream) {
            double[] y = forward(x);
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) dx[i] = y[i] * (1 - y[i]);
            return dx;
        }
    }
}
