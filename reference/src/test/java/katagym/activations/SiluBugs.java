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

    /** "It is zero anyway" below -30: silu(-40) is -1.7e-16, not 0, and the contract asks for relative accuracy. */
    static final class FlushesToZeroBelowMinusThirty extends SiluReference {
        @Override
        public double[] forward(double[] x) {
            double[] y = super.forward(x);
            for (int i = 0; i < x.length; i++) if (x[i] < -30) y[i] = 0;
            return y;
        }
    }

    /** Keeps one output buffer in a field: the second call overwrites the first result. */
    static final class ReusesOutputBuffer extends SiluReference {
        private double[] buffer = new double[0];

        @Override
        public double[] forward(double[] x) {
            if (buffer.length != x.length) buffer = new double[x.length];
            for (int i = 0; i < x.length; i++) buffer[i] = x[i] * sigmoid(x[i]);
            return buffer;
        }
    }

    /** A stable forward, but the backward takes s = exp(x) / (1 + exp(x)): NaN once x > 709. */
    static final class BackwardUnstableSigmoid extends SiluReference {
        @Override
        public double[] backward(double[] x, double[] upstream) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double e = Math.exp(x[i]);
                double s = e / (1 + e);
                dx[i] = upstream[i] * s * (1 + x[i] * (1 - s));
            }
            return dx;
        }
    }
}
