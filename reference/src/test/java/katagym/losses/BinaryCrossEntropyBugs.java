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
}
