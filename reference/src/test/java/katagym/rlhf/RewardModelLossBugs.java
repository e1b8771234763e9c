package katagym.rlhf;

/** Plausible learner bugs the reward-model-loss spec must catch. */
final class RewardModelLossBugs {
    private RewardModelLossBugs() {}

    /** Takes the pair the wrong way round: -log sigmoid(r_j - r_i), rewarding the worse response. */
    static final class PairOrderSwapped extends RewardModelLossReference {
        @Override
        public double loss(double[] rewards) {
            double sum = 0;
            for (int i = 0; i < rewards.length; i++)
                for (int j = i + 1; j < rewards.length; j++) sum += softplus(rewards[i] - rewards[j]);
            return sum / pairs(rewards.length);
        }

        @Override
        public double[] gradient(double[] rewards) {
            double[] g = super.gradient(reverse(rewards));
            return reverse(g);
        }

        private static double[] reverse(double[] v) {
            double[] out = new double[v.length];
            for (int i = 0; i < v.length; i++) out[i] = v[v.length - 1 - i];
            return out;
        }
    }

    /** Computes -Math.log(sigmoid(d)) literally: sigmoid underflows to 0 for d = -1e3 and the loss is Infinity. */
    static final class NaiveLogOfSigmoid extends RewardModelLossReference {
        @Override
        public double loss(double[] rewards) {
            double sum = 0;
            for (int i = 0; i < rewards.length; i++)
                for (int j = i + 1; j < rewards.length; j++) sum += -Math.log(1 / (1 + Math.exp(-(rewards[i] - rewards[j]))));
            return sum / pairs(rewards.length);
        }
    }

    /** Sums the pair losses and forgets to divide by C(K,2), in the loss and the gradient alike. */
    static final class SumInsteadOfMean extends RewardModelLossReference {
        @Override
        public double loss(double[] rewards) {
            return super.loss(rewards) * pairs(rewards.length);
        }

        @Override
        public double[] gradient(double[] rewards) {
            double[] g = super.gradient(rewards);
            for (int i = 0; i < g.length; i++) g[i] *= pairs(rewards.length);
            return g;
        }
    }

    /** Compares each response only with its neighbour in the ranking (K - 1 pairs, not C(K,2)). */
    static final class AdjacentPairsOnly extends RewardModelLossReference {
        @Override
        public double loss(double[] rewards) {
            double sum = 0;
            for (int i = 0; i + 1 < rewards.length; i++) sum += softplus(rewards[i + 1] - rewards[i]);
            return sum / (rewards.length - 1);
        }

        @Override
        public double[] gradient(double[] rewards) {
            double[] g = new double[rewards.length];
            for (int i = 0; i + 1 < rewards.length; i++) {
                double p = sigmoid(rewards[i + 1] - rewards[i]) / (rewards.length - 1);
                g[i] -= p;
                g[i + 1] += p;
            }
            return g;
        }
    }

    /** Uses sigmoid(r_i - r_j) instead of sigmoid(r_j - r_i) in the gradient: the winner's probability, not the error's. */
    static final class GradientUsesTheWrongProbability extends RewardModelLossReference {
        @Override
        public double[] gradient(double[] rewards) {
            int k = rewards.length;
            double[] g = new double[k];
            for (int i = 0; i < k; i++)
                for (int j = i + 1; j < k; j++) {
                    double p = sigmoid(rewards[i] - rewards[j]) / pairs(k);
                    g[i] -= p;
                    g[j] += p;
                }
            return g;
        }
    }

    /** Keeps the gradient in a field to "save allocations": the second call overwrites the first result. */
    static final class ReusesGradientBuffer extends RewardModelLossReference {
        private double[] buffer = new double[0];

        @Override
        public double[] gradient(double[] rewards) {
            double[] g = super.gradient(rewards);
            if (buffer.length != g.length) buffer = new double[g.length];
            System.arraycopy(g, 0, buffer, 0, g.length);
            return buffer;
        }
    }

    /** Writes softplus as max(x, 0) + log(1 + exp(-|x|)) with log, not log1p: a gap of 40 gives loss 0 instead of 4.2e-18. */
    static final class LogInsteadOfLog1p extends RewardModelLossReference {
        @Override
        public double loss(double[] rewards) {
            double sum = 0;
            for (int i = 0; i < rewards.length; i++)
                for (int j = i + 1; j < rewards.length; j++) {
                    double x = rewards[j] - rewards[i];
                    sum += Math.max(x, 0) + Math.log(1 + Math.exp(-Math.abs(x)));
                }
            return sum / pairs(rewards.length);
        }
    }

    /** "sigmoid(-30) is zero anyway": the gradient of a pair ordered right by more than 30 is cut to 0. */
    static final class GradientFlushedBeyondGap30 extends RewardModelLossReference {
        @Override
        public double[] gradient(double[] rewards) {
            int k = rewards.length;
            double[] g = new double[k];
            for (int i = 0; i < k; i++)
                for (int j = i + 1; j < k; j++) {
                    double d = rewards[j] - rewards[i];
                    double p = d < -30 ? 0 : sigmoid(d) / pairs(k);
                    g[i] -= p;
                    g[j] += p;
                }
            return g;
        }
    }
}
