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
}
