package katagym.rlhf;

/** Correct PPO-ptx objectives written differently from the reference. */
final class KlPenalizedObjectiveAlternatives {
    private KlPenalizedObjectiveAlternatives() {}

    /** Sums the log-ratios backwards and averages the pretraining log-probs as a running sum of x / n. */
    static final class BackwardsSumRunningMean implements KlPenalizedObjective {
        @Override
        public double klEstimate(double[] logProbsPolicy, double[] logProbsSft) {
            double kl = 0;
            for (int t = logProbsPolicy.length - 1; t >= 0; t--) kl += logProbsPolicy[t] - logProbsSft[t];
            return kl;
        }

        @Override
        public double objective(double reward, double[] logProbsPolicy, double[] logProbsSft,
                                double beta, double gamma, double[] pretrainLogProbs) {
            double mean = 0;
            for (double x : pretrainLogProbs) mean += x / pretrainLogProbs.length;
            return reward + gamma * mean - beta * klEstimate(logProbsPolicy, logProbsSft);
        }
    }
}
