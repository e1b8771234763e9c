package katagym.rlhf;

import katagym.grader.spec.Clause;

/**
 * The InstructGPT PPO-ptx objective for one sampled response. Kata {@code kl-penalized-objective}.
 * {@code logProbsPolicy[t]} and {@code logProbsSft[t]} are the log-probabilities of the response's
 * t-th token under the RL policy and under the frozen SFT model (same length, at least 1);
 * {@code pretrainLogProbs} are the RL policy's log-probabilities of pretraining tokens (at least 1).
 * Neither method may modify its arguments. Log-probabilities may be as low as -1e3: work with them
 * directly, never through exp.
 */
@Clause(id = "pure", value = "Neither method modifies its arguments.")
@Clause(id = "deepLogProbs", value = "Both methods are finite and exact for log-probabilities down to -1e3.")
public interface KlPenalizedObjective {

    /** The sampled KL estimate: {@code sum_t (logProbsPolicy[t] - logProbsSft[t])} (a sum, not a mean). */
    @Clause(id = "klValue", value = "klEstimate = sum over t of (logProbsPolicy[t] - logProbsSft[t]): a sum, policy minus SFT, signed per token.")
    double klEstimate(double[] logProbsPolicy, double[] logProbsSft);

    /**
     * The objective to <b>maximise</b>:
     * {@code reward - beta * klEstimate(logProbsPolicy, logProbsSft) + gamma * mean(pretrainLogProbs)}.
     */
    @Clause(id = "objectiveValue", value = "objective = reward - beta * klEstimate + gamma * mean(pretrainLogProbs), for any beta, gamma >= 0.")
    double objective(double reward, double[] logProbsPolicy, double[] logProbsSft,
                     double beta, double gamma, double[] pretrainLogProbs);
}
