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

    /** Computes each token's log-ratio as log(exp(p) / exp(s)): NaN once both log-probs are below about -745. */
    static final class KlAsLogOfProbabilityRatio extends KlPenalizedObjectiveReference {
        @Override
        public double klEstimate(double[] logProbsPolicy, double[] logProbsSft) {
            double kl = 0;
            for (int t = 0; t < logProbsPolicy.length; t++) kl += Math.log(Math.exp(logProbsPolicy[t]) / Math.exp(logProbsSft[t]));
            return kl;
        }
    }

    /** "A KL is never negative": clamps each token's log-ratio at 0. */
    static final class KlClampedPerTokenAtZero extends KlPenalizedObjectiveReference {
        @Override
        public double klEstimate(double[] logProbsPolicy, double[] logProbsSft) {
            double kl = 0;
            for (int t = 0; t < logProbsPolicy.length; t++) kl += Math.max(0, logProbsPolicy[t] - logProbsSft[t]);
            return kl;
        }
    }

    /** Computes the per-token log-ratios into the policy array, which the caller still needs. */
    static final class OverwritesThePolicyLogProbs extends KlPenalizedObjectiveReference {
        @Override
        public double klEstimate(double[] logProbsPolicy, double[] logProbsSft) {
            double kl = 0;
            for (int t = 0; t < logProbsPolicy.length; t++) {
                logProbsPolicy[t] -= logProbsSft[t];
                kl += logProbsPolicy[t];
            }
            return kl;
        }
    }
}
