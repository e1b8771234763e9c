package katagym.losses;

/** Plausible learner bugs the focal-loss spec must catch. */
final class FocalLossBugs {
    private FocalLossBugs() {}

    /** Modulates by (1 - sigmoid(x))^gamma whatever the label: right for positives, wrong for negatives. */
    static final class ModulatesWithTheWrongProbability extends FocalLossReference {
        @Override
        public double loss(double[] logits, double[] targets, double alpha, double gamma) {
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                double z = targets[i] == 1 ? logits[i] : -logits[i];
                sum += alphaT(targets[i], alpha) * Math.pow(sigmoid(-logits[i]), gamma) * softplus(-z);
            }
            return sum / logits.length;
        }
    }

    /** Gives alpha to the negatives and 1 - alpha to the positives. */
    static final class AlphaWeightsTheWrongClass extends FocalLossReference {
        @Override
        public double loss(double[] logits, double[] targets, double alpha, double gamma) {
            if (alpha < 0) return super.loss(logits, targets, alpha, gamma);
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                double y = targets[i];
                sum += super.loss(new double[] {logits[i]}, new double[] {y}, -1, gamma) * (y == 1 ? 1 - alpha : alpha);
            }
            return sum / logits.length;
        }
    }

    /** Back-propagates only through the cross-entropy, treating (1 - p_t)^gamma as a constant. */
    static final class GradientTreatsTheModulatingFactorAsConstant extends FocalLossReference {
        @Override
        public double[] gradient(double[] logits, double[] targets, double alpha, double gamma) {
            int n = logits.length;
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                double z = targets[i] == 1 ? logits[i] : -logits[i];
                g[i] = alphaT(targets[i], alpha) * Math.pow(sigmoid(-z), gamma) * (sigmoid(logits[i]) - targets[i]) / n;
            }
            return g;
        }
    }

    /** Takes -log(p_t) of the probability: log(0) = -Infinity for a confident mistake at |x| = 1e3. */
    static final class LogOfTheProbability extends FocalLossReference {
        @Override
        public double loss(double[] logits, double[] targets, double alpha, double gamma) {
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                double p = 1 / (1 + Math.exp(-logits[i]));
                double pt = targets[i] == 1 ? p : 1 - p;
                sum += alphaT(targets[i], alpha) * Math.pow(1 - pt, gamma) * -Math.log(pt);
            }
            return sum / logits.length;
        }
    }

    /** Keeps the gradient in a field to save allocations: the next call overwrites the caller's earlier gradient. */
    static final class ReusesGradientBuffer extends FocalLossReference {
        private double[] buffer = new double[0];

        @Override
        public double[] gradient(double[] logits, double[] targets, double alpha, double gamma) {
            double[] g = super.gradient(logits, targets, alpha, gamma);
            if (buffer.length != g.length) buffer = new double[g.length];
            System.arraycopy(g, 0, buffer, 0, g.length);
            return buffer;
        }
    }

    /** Disables the weighting only for alpha == -1 (torchvision's default) instead of for every negative alpha. */
    static final class DisablesWeightingOnlyForMinusOne extends FocalLossReference {
        private static double weight(double y, double alpha) {
            if (alpha == -1) return 1;
            return y == 1 ? alpha : 1 - alpha;
        }

        @Override
        public double loss(double[] logits, double[] targets, double alpha, double gamma) {
            double sum = 0;
            for (int i = 0; i < logits.length; i++)
                sum += weight(targets[i], alpha) * super.loss(new double[] {logits[i]}, new double[] {targets[i]}, -1, gamma);
            return sum / logits.length;
        }

        @Override
        public double[] gradient(double[] logits, double[] targets, double alpha, double gamma) {
            double[] g = super.gradient(logits, targets, -1, gamma);
            for (int i = 0; i < g.length; i++) g[i] *= weight(targets[i], alpha);
            return g;
        }
    }

    /** RetinaNet's normaliser: divides by the number of positives instead of the number of elements. */
    static final class MeanOverThePositives extends FocalLossReference {
        private static double positives(double[] targets) {
            int k = 0;
            for (double y : targets) if (y == 1) k++;
            return Math.max(k, 1);
        }

        @Override
        public double loss(double[] logits, double[] targets, double alpha, double gamma) {
            return super.loss(logits, targets, alpha, gamma) * logits.length / positives(targets);
        }

        @Override
        public double[] gradient(double[] logits, double[] targets, double alpha, double gamma) {
            double[] g = super.gradient(logits, targets, alpha, gamma);
            for (int i = 0; i < g.length; i++) g[i] = g[i] * g.length / positives(targets);
            return g;
        }
    }
}
