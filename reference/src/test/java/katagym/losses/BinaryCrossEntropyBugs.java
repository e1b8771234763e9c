package katagym.losses;

/** Plausible learner bugs the binary-cross-entropy spec must catch. */
final class BinaryCrossEntropyBugs {
    private BinaryCrossEntropyBugs() {}

    /** The textbook -y log(sigmoid(x)) - (1-y) log(1 - sigmoid(x)): log(0) gives inf or NaN at |x| = 1e3. */
    static final class NaiveLogOfSigmoid extends BinaryCrossEntropyReference {
        @Override
        public double loss(double[] logits, double[] targets) {
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                double p = 1 / (1 + Math.exp(-logits[i]));
                sum += -targets[i] * Math.log(p) - (1 - targets[i]) * Math.log(1 - p);
            }
            return sum / logits.length;
        }
    }

    /** Clamps the probability to [1e-7, 1 - 1e-7] before the log: finite, but wrong for confident mistakes. */
    static final class ClampsTheProbability extends BinaryCrossEntropyReference {
        @Override
        public double loss(double[] logits, double[] targets) {
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                double p = Math.min(1 - 1e-7, Math.max(1e-7, sigmoid(logits[i])));
                sum += -targets[i] * Math.log(p) - (1 - targets[i]) * Math.log(1 - p);
            }
            return sum / logits.length;
        }
    }

    /** Forgets the 1/n of the mean in the gradient. */
    static final class GradientMissingOneOverN extends BinaryCrossEntropyReference {
        @Override
        public double[] gradient(double[] logits, double[] targets) {
            double[] g = new double[logits.length];
            for (int i = 0; i < g.length; i++) g[i] = sigmoid(logits[i]) - targets[i];
            return g;
        }
    }

    /** Writes y - sigmoid(x): the gradient of the log-likelihood, not of the loss. */
    static final class GradientSignFlipped extends BinaryCrossEntropyReference {
        @Override
        public double[] gradient(double[] logits, double[] targets) {
            double[] g = new double[logits.length];
            for (int i = 0; i < g.length; i++) g[i] = (targets[i] - sigmoid(logits[i])) / g.length;
            return g;
        }
    }

    /** Sums over the elements instead of averaging (reduction "sum"). */
    static final class SumInsteadOfMean extends BinaryCrossEntropyReference {
        @Override
        public double loss(double[] logits, double[] targets) {
            return super.loss(logits, targets) * logits.length;
        }
    }

    /** Keeps the gradient in a field to save allocations: the next call overwrites the caller's earlier gradient. */
    static final class ReusesGradientBuffer extends BinaryCrossEntropyReference {
        private double[] buffer = new double[0];

        @Override
        public double[] gradient(double[] logits, double[] targets) {
            int n = logits.length;
            if (buffer.length != n) buffer = new double[n];
            for (int i = 0; i < n; i++) buffer[i] = (sigmoid(logits[i]) - targets[i]) / n;
            return buffer;
        }
    }

    /** "log1p(exp(-|x|)) is negligible" beyond |x| = 35, so it is dropped: a right answer then costs 0, not 6e-16. */
    static final class DropsTheSoftplusTermForLargeLogits extends BinaryCrossEntropyReference {
        @Override
        public double loss(double[] logits, double[] targets) {
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                double x = logits[i];
                sum += Math.abs(x) > 35 ? Math.max(x, 0) - x * targets[i] : elementLoss(x, targets[i]);
            }
            return sum / logits.length;
        }
    }

    /** Rounds soft targets to 0 or 1, as if only hard labels existed. */
    static final class RoundsSoftTargets extends BinaryCrossEntropyReference {
        @Override
        public double loss(double[] logits, double[] targets) {
            double[] y = new double[targets.length];
            for (int i = 0; i < y.length; i++) y[i] = Math.round(targets[i]);
            return super.loss(logits, y);
        }
    }

    /** torch.nn.BCELoss on probabilities: each log is clamped at -100, so a confident mistake costs at most 100. */
    static final class LogClampedAtMinus100 extends BinaryCrossEntropyReference {
        @Override
        public double loss(double[] logits, double[] targets) {
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                double p = sigmoid(logits[i]);
                sum += -targets[i] * Math.max(Math.log(p), -100) - (1 - targets[i]) * Math.max(Math.log(1 - p), -100);
            }
            return sum / logits.length;
        }
    }
}
