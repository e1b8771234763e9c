package katagym.activations;

/** Plausible learner bugs the leaky-relu spec must catch. */
final class LeakyReluBugs {
    private LeakyReluBugs() {}

    /** Applies the slope to the positive side instead of the negative one. */
    static final class SlopeOnPositives extends LeakyReluReference {
        @Override
        public double[] forward(double[] x, double negativeSlope) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) y[i] = x[i] >= 0 ? negativeSlope * x[i] : x[i];
            return y;
        }
    }

    /** Copies the ReLU backward: zero gradient for negative inputs, slope forgotten. */
    static final class BackwardDropsTheSlope extends LeakyReluReference {
        @Override
        public double[] backward(double[] x, double[] upstream, double negativeSlope) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) dx[i] = x[i] > 0 ? upstream[i] : 0.0;
            return dx;
        }
    }

    /** Hard-codes PyTorch's default 0.01 and ignores the slope it is given. */
    static final class HardCodedDefaultSlope extends LeakyReluReference {
        @Override
        public double[] forward(double[] x, double negativeSlope) {
            return super.forward(x, 0.01);
        }

        @Override
        public double[] backward(double[] x, double[] upstream, double negativeSlope) {
            return super.backward(x, upstream, 0.01);
        }
    }
}
