package katagym.activations;

/** Plausible learner bugs the relu spec must catch. */
final class ReluBugs {
    private ReluBugs() {}

    /** Takes the gradient where x >= 0, so the derivative at 0 is 1 instead of PyTorch's 0. */
    static final class GradientOneAtZero extends ReluReference {
        @Override
        public double[] backward(double[] x, double[] upstream) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) dx[i] = x[i] >= 0 ? upstream[i] : 0.0;
            return dx;
        }
    }

    /** Returns the 0/1 mask, forgetting to multiply by the upstream gradient. */
    static final class BackwardIgnoresUpstream extends ReluReference {
        @Override
        public double[] backward(double[] x, double[] upstream) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) dx[i] = x[i] > 0 ? 1.0 : 0.0;
            return dx;
        }
    }

    /** An "in-place ReLU" that clamps the caller's array and returns it. */
    static final class ClampsInPlace extends ReluReference {
        @Override
        public double[] forward(double[] x) {
            for (int i = 0; i < x.length; i++) if (x[i] < 0) x[i] = 0;
            return x;
        }
    }

    /** Keeps the gradient buffer in a field between calls: the second backward overwrites the first dx. */
    static final class BackwardReusesItsBuffer extends ReluReference {
        private double[] buffer = new double[0];

        @Override
        public double[] backward(double[] x, double[] upstream) {
            if (buffer.length != x.length) buffer = new double[x.length];
            for (int i = 0; i < x.length; i++) buffer[i] = x[i] > 0 ? upstream[i] : 0.0;
            return buffer;
        }
    }

    /** A "fast path": when no entry is negative there is nothing to clamp, so it returns x itself. */
    static final class FastPathReturnsTheInput extends ReluReference {
        @Override
        public double[] forward(double[] x) {
            for (double v : x) if (v < 0) return super.forward(x);
            return x;
        }
    }

    /** Takes the average of the one-sided derivatives, 1/2, at exactly 0 (PyTorch uses 0). */
    static final class GradientOneHalfAtZero extends ReluReference {
        @Override
        public double[] backward(double[] x, double[] upstream) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) dx[i] = x[i] > 0 ? upstream[i] : x[i] == 0 ? 0.5 * upstream[i] : 0.0;
            return dx;
        }
    }
}
