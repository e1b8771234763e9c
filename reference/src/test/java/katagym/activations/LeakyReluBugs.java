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

    /** The one-liner max(x, slope * x): right only while the slope lies in [0, 1]; a slope of 2 swaps the two sides. */
    static final class MaxOfXAndSlopeTimesX extends LeakyReluReference {
        @Override
        public double[] forward(double[] x, double negativeSlope) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) y[i] = Math.max(x[i], negativeSlope * x[i]);
            return y;
        }
    }

    /** Masks the backward on the output (y > 0) instead of the input: wrong for a negative slope, where y > 0 for x < 0. */
    static final class BackwardMasksOnTheOutput extends LeakyReluReference {
        @Override
        public double[] backward(double[] x, double[] upstream, double negativeSlope) {
            double[] y = forward(x, negativeSlope);
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) dx[i] = y[i] > 0 ? upstream[i] : negativeSlope * upstream[i];
            return dx;
        }
    }

    /** Keeps one output buffer in a field: the second call overwrites the first result. */
    static final class ReusesOutputBuffer extends LeakyReluReference {
        private double[] buffer = new double[0];

        @Override
        public double[] forward(double[] x, double negativeSlope) {
            if (buffer.length != x.length) buffer = new double[x.length];
            for (int i = 0; i < x.length; i++) buffer[i] = x[i] >= 0 ? x[i] : negativeSlope * x[i];
            return buffer;
        }
    }
}
