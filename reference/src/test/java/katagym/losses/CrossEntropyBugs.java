package katagym.losses;

/** Plausible learner bugs the cross-entropy spec must catch. */
final class CrossEntropyBugs {
    private CrossEntropyBugs() {}

    /** log(sum(exp(x))) without subtracting the row max first: exp(1000) = Infinity. */
    static final class NoMaxSubtraction extends CrossEntropyReference {
        @Override
        public double loss(double[][] logits, int[] targets, double labelSmoothing) {
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                int classes = logits[i].length;
                double z = 0;
                for (double v : logits[i]) z += Math.exp(v);
                double[] q = smoothedTarget(classes, targets[i], labelSmoothing);
                for (int c = 0; c < classes; c++) sum -= q[c] * (logits[i][c] - Math.log(z));
            }
            return sum / logits.length;
        }
    }

    /** Label smoothing that gives 1 - eps to the target and eps / (C - 1) to each other class (not PyTorch's). */
    static final class SmoothingOverTheOtherClassesOnly extends CrossEntropyReference {
        private static double[] otherClassesTarget(int classes, int target, double eps) {
            double[] q = new double[classes];
            for (int c = 0; c < classes; c++) q[c] = c == target ? 1 - eps : eps / (classes - 1);
            return q;
        }

        @Override
        public double loss(double[][] logits, int[] targets, double labelSmoothing) {
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                double[] logp = logSoftmax(logits[i]);
                double[] q = otherClassesTarget(logp.length, targets[i], labelSmoothing);
                for (int c = 0; c < logp.length; c++) sum -= q[c] * logp[c];
            }
            return sum / logits.length;
        }

        @Override
        public double[][] gradient(double[][] logits, int[] targets, double labelSmoothing) {
            int n = logits.length;
            double[][] g = new double[n][];
            for (int i = 0; i < n; i++) {
                double[] logp = logSoftmax(logits[i]);
                double[] q = otherClassesTarget(logp.length, targets[i], labelSmoothing);
                g[i] = new double[logp.length];
                for (int c = 0; c < logp.length; c++) g[i][c] = (Math.exp(logp[c]) - q[c]) / n;
            }
            return g;
        }
    }

    /** Forgets the 1/N of the batch mean in the gradient. */
    static final class GradientMissingOneOverN extends CrossEntropyReference {
        @Override
        public double[][] gradient(double[][] logits, int[] targets, double labelSmoothing) {
            double[][] g = super.gradient(logits, targets, labelSmoothing);
            for (double[] row : g) for (int c = 0; c < row.length; c++) row[c] *= g.length;
            return g;
        }
    }

    /** The gradient softmax - onehot, as if there were no label smoothing. */
    static final class GradientIgnoresSmoothing extends CrossEntropyReference {
        @Override
        public double[][] gradient(double[][] logits, int[] targets, double labelSmoothing) {
            return super.gradient(logits, targets, 0.0);
        }
    }

    /** Keeps the gradient matrix in a field to save allocations: the next call overwrites the caller's earlier gradient. */
    static final class ReusesGradientBuffer extends CrossEntropyReference {
        private double[][] buffer = new double[0][];

        @Override
        public double[][] gradient(double[][] logits, int[] targets, double labelSmoothing) {
            double[][] g = super.gradient(logits, targets, labelSmoothing);
            if (buffer.length != g.length || (g.length > 0 && buffer[0].length != g[0].length)) buffer = new double[g.length][g[0].length];
            for (int i = 0; i < g.length; i++) System.arraycopy(g[i], 0, buffer[i], 0, g[i].length);
            return buffer;
        }
    }

    /** Takes log(softmax): the max-subtracted softmax of a logit 800 below the row max is 0, and log(0) = -Infinity. */
    static final class LogOfSoftmax extends CrossEntropyReference {
        @Override
        public double loss(double[][] logits, int[] targets, double labelSmoothing) {
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                double[] logp = logSoftmax(logits[i]);
                double[] q = smoothedTarget(logp.length, targets[i], labelSmoothing);
                for (int c = 0; c < logp.length; c++) sum -= q[c] * Math.log(Math.exp(logp[c]));
            }
            return sum / logits.length;
        }
    }

    /** Subtracts the row's FIRST logit rather than its max: exp overflows when another logit is 710 larger. */
    static final class SubtractsTheFirstLogitNotTheMax extends CrossEntropyReference {
        @Override
        public double loss(double[][] logits, int[] targets, double labelSmoothing) {
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                double[] row = logits[i];
                double z = 0;
                for (double v : row) z += Math.exp(v - row[0]);
                double[] q = smoothedTarget(row.length, targets[i], labelSmoothing);
                for (int c = 0; c < row.length; c++) sum -= q[c] * (row[c] - row[0] - Math.log(z));
            }
            return sum / logits.length;
        }
    }

    /** Smoothing that takes eps from the target but gives eps / C only to the other classes: q sums to 1 - eps / C. */
    static final class SmoothedTargetDoesNotSumToOne extends CrossEntropyReference {
        @Override
        public double loss(double[][] logits, int[] targets, double labelSmoothing) {
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                double[] logp = logSoftmax(logits[i]);
                int classes = logp.length;
                for (int c = 0; c < classes; c++) sum -= (c == targets[i] ? 1 - labelSmoothing : labelSmoothing / classes) * logp[c];
            }
            return sum / logits.length;
        }
    }
}
