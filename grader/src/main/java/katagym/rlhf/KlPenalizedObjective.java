package katagym.rlhf;

/**
 * The InstructGPT PPO-ptx objective for one sampled response. Kata {@code kl-penalized-objective}.
 * {@code logProbsPolicy[t]} and {@code logProbsSft[t]} are the log-probabilities of the response's
 * t-th token under the RL policy and under the frozen SFT model (same length, at least 1);
 * {@code pretrainLogProbs} are the RL policy's log-probabilities of pretraining tokens (at least 1).
 * Neither method may modify its arguments.
 */
public interface KlPenalizedObjective {

    /** The sampled KL estimate: {@code sum_t (logProbsPolicy[t] - logProbsSft[t])} (a sum, not a mean). */
    double klEstimate(double[] logProbsPolicy, double[] logProbsSft);

    /**
     * The objective to <b>maximise</b>:
     * {@code reward - beta * klEstimate(logProbsPolicy, logProbsSft) + gamma * mean(pretrainLogProbs)}.
     */
    double objective(double reward, double[] logProbsPolicy, double[] logProbsSft,
                     double beta, double gamma, double[] pretrainLogProbs);
}
