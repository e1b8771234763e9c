package katagym.rlhf;

/** Correct reward-model losses written differently from the reference. */
final class RewardModelLossAlternatives {
    private RewardModelLossAlternatives() {}

    /** -log sigmoid(d) as a two-branch formula, sigmoid as exp(-softplus), the pairs visited loser-first. */
    static final class TwoBranchSoftplusLoserFirst implements RewardModelLoss {
        static double minusLogSigmoid(double d) {
            return d >= 0 ? Math.log1p(Math.exp(-d)) : -d + Math.log1p(Math.exp(d));
        }

        @Override
        public double loss(double[] rewards) {
            int k = rewards.length;
            double sum = 0;
            for (int j = k - 1; j > 0; j--) {
                for (int i = 0; i < j; i++) sum += minusLogSigmoid(rewards[i] - rewards[j]);
            }
            return 2 * sum / (k * (double) (k - 1));
        }

        @Override
        public double[] gradient(double[] rewards) {
            int k = rewards.length;
            double c = k * (double) (k - 1) / 2;
            double[] g = new double[k];
            for (int m = 0; m < k; m++) {
                double s = 0;
                for (int j = m + 1; j < k; j++) s -= Math.exp(-minusLogSigmoid(rewards[j] - rewards[m]));
                for (int i = 0; i < m; i++) s += Math.exp(-minusLogSigmoid(rewards[m] - rewards[i]));
                g[m] = s / c;
            }
            return g;
        }
    }
}
