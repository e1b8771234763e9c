package katagym.rlhf;

/** Plausible learner bugs the kl-penalized-objective spec must catch. */
final class KlPenalizedObjectiveBugs {
    private KlPenalizedObjectiveBugs() {}

    /** Writes the ratio upside down, log(pi_SFT / pi_RL): the penalty becomes a bonus for drifting. */
    static final class KlRatioUpsideDown extends KlPenalizedObjectiveReference {
        @Override
        public double klEstimate(double[] logProbsPolicy, double[] logProbsSft) {
            return super.klEstimate(logProbsSft, logProbsPolicy);
        }
    }

    /** Averages the per-token log-ratios instead of summing them. */
    static final class KlMeanOverTokens extends KlPenalizedObjectiveReference {
        @Override
        public double klEstimate(double[] logProbsPolicy, double[] logProbsSft) {
            return super.klEstimate(logProbsPolicy, logProbsSft) / logProbsPolicy.length;
        }
    }

    /** Sums the pretraining log-probs instead of averaging them. */
    static final class PretrainingTermSummed extends KlPenalizedObjectiveReference {
        @Override
        public double objective(double reward, double[] logProbsPolicy, double[] logProbsSft,
                                double beta, double gamma, double[] pretrainLogProbs) {
            return reward - beta * klEstimate(logProbsPolicy, logProbsSft) + gamma * mean(pretrainLogProbs) * pretrainLogProbs.length;
        }
    }

    /** Subtracts the pretraining term as if it were a loss, penalising the pretraining likelihood. */
    static final class PretrainingTermSubtracted extends KlPenalizedObjectiveReference {
        @Override
        public double objective(double reward, double[] logProbsPolicy, double[] logProbsSft,
                                double beta, double gamma, double[] pretrainLogProbs) {
            return reward - beta * klEstimate(logProbsPolicy, logProbsSft) - gamma * mean(pretrainLogProbs);
        }
    }
}
