package katagym.peft;

/** Plausible learner bugs the lora-linear spec must catch. */
final class LoraLinearBugs {
    private LoraLinearBugs() {}

    /** Scales the adapter by alpha instead of alpha / r, in forward and merge alike. */
    static final class ScaleIsAlphaNotAlphaOverR extends LoraLinearReference {
        @Override
        public double[][] forward(double[][] x, double[][] w0, double[] bias, double[][] a, double[][] b, double alpha) {
            return super.forward(x, w0, bias, a, b, alpha * a.length);
        }

        @Override
        public double[][] merge(double[][] w0, double[][] a, double[][] b, double alpha) {
            return super.merge(w0, a, b, alpha * a.length);
        }

        @Override
        public double[][] unmerge(double[][] merged, double[][] a, double[][] b, double alpha) {
            return super.unmerge(merged, a, b, alpha * a.length);
        }
    }

    /** Uses alpha / r in merge but forgets the division by r in forward. */
    static final class ForwardScaledByAlpha extends LoraLinearReference {
        @Override
        public double[][] forward(double[][] x, double[][] w0, double[] bias, double[][] a, double[][] b, double alpha) {
            return super.forward(x, w0, bias, a, b, alpha * a.length);
        }
    }

    /** Swaps the roles of A and B: dA from the forward activation x a^T, dB from the back-propagated upstream b. */
    static final class GradientRolesSwapped extends LoraLinearReference {
        @Override
        public Grads backward(double[][] x, double[][] a, double[][] b, double alpha, double[][] upstream) {
            double s = alpha / a.length;
            int r = a.length, in = a[0].length, out = b.length;
            double[][] h = timesTransposed(x, a);
            double[][] dh = times(upstream, b, r);
            double[][] dA = transposedTimes(h, x, r, in);
            double[][] dB = transposedTimes(upstream, dh, out, r);
            for (double[] row : dA) for (int j = 0; j < row.length; j++) row[j] *= s;
            for (double[] row : dB) for (int j = 0; j < row.length; j++) row[j] *= s;
            return new Grads(dA, dB);
        }
    }

    /** Unmerges by subtracting b a without the alpha / r scale. */
    static final class UnmergeWithoutScale extends LoraLinearReference {
        @Override
        public double[][] unmerge(double[][] merged, double[][] a, double[][] b, double alpha) {
            return plusScaledBA(merged, a, b, a.length, -1);
        }
    }

    /** Forgets the frozen bias in the forward pass. */
    static final class DropsTheBias extends LoraLinearReference {
        @Override
        public double[][] forward(double[][] x, double[][] w0, double[] bias, double[][] a, double[][] b, double alpha) {
            return super.forward(x, w0, new double[bias.length], a, b, alpha);
        }
    }

    /** Counts the trainable parameters of the full-rank update, in * out, instead of r (in + out). */
    static final class CountsInTimesOut extends LoraLinearReference {
        @Override
        public long trainableParameters(int in, int out, int r) {
            return (long) in * out;
        }
    }

    /** Merges in place: adds the update into w0, which the caller still needs. */
    static final class MergesInPlace extends LoraLinearReference {
        @Override
        public double[][] merge(double[][] w0, double[][] a, double[][] b, double alpha) {
            double[][] m = super.merge(w0, a, b, alpha);
            for (int o = 0; o < w0.length; o++) System.arraycopy(m[o], 0, w0[o], 0, m[o].length);
            return w0;
        }
    }

    /** "Nothing to merge": returns w0 itself when b is all zeros (the state right after initialisation). */
    static final class MergeReturnsW0WhenBIsZero extends LoraLinearReference {
        @Override
        public double[][] merge(double[][] w0, double[][] a, double[][] b, double alpha) {
            for (double[] row : b) for (double v : row) if (v != 0) return super.merge(w0, a, b, alpha);
            return w0;
        }
    }

    /** Keeps the forward output in a field reused between calls of the same shape. */
    static final class ForwardReusesOutputBuffer extends LoraLinearReference {
        private double[][] buffer = new double[0][0];

        @Override
        public double[][] forward(double[][] x, double[][] w0, double[] bias, double[][] a, double[][] b, double alpha) {
            double[][] y = super.forward(x, w0, bias, a, b, alpha);
            if (buffer.length != y.length || buffer[0].length != y[0].length) buffer = new double[y.length][y[0].length];
            for (int i = 0; i < y.length; i++) System.arraycopy(y[i], 0, buffer[i], 0, y[i].length);
            return buffer;
        }
    }

    /** Computes r (in + out) in int and widens afterwards: wrong once it passes Integer.MAX_VALUE. */
    static final class TrainableParametersInInt extends LoraLinearReference {
        @Override
        public long trainableParameters(int in, int out, int r) {
            return r * (in + out);
        }
    }
}
