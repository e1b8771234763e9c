package katagym.rlhf;

import katagym.grader.spec.Clause;

/**
 * PPO's clipped surrogate objective over the T >= 1 tokens of a batch. Kata {@code ppo-clipped-objective}.
 * All arrays have length T; neither method may modify its arguments. Log-probabilities may be as
 * low as -1e3: compute the ratio from their difference, never as exp(new) / exp(old).
 */
@Clause(id = "pure", value = "Neither method modifies its arguments.")
@Clause(id = "deepLogProbs", value = "Both methods are finite and exact for log-probabilities down to -1e3 (the ratio is exp of the difference).")
public interface PpoClippedObjective {

    /**
     * The objective to <b>maximise</b> (not the loss): with {@code ratio_t = exp(logProbsNew[t] - logProbsOld[t])},
     * the mean over t of {@code min(ratio_t * A_t, clip(ratio_t, 1 - clipEpsilon, 1 + clipEpsilon) * A_t)}.
     */
    @Clause(id = "objectiveValue", value = "objective is the mean over t of min(ratio_t A_t, clip(ratio_t, 1 - eps, 1 + eps) A_t), ratio_t = exp(new_t - old_t).")
    double objective(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon);

    /**
     * The gradient of {@link #objective} with respect to {@code logProbsNew} (a new array of length T).
     * Where the clip binds against the advantage (ratio > 1 + eps with A > 0, or ratio < 1 - eps with
     * A < 0) the entry is 0; elsewhere it is {@code ratio_t * A_t / T}.
     */
    @Clause(id = "gradientValue", value = "gradient[t] = ratio_t A_t / T, the derivative of objective with respect to logProbsNew[t].")
    @Clause(id = "gradientClip", value = "gradient[t] = 0 exactly where ratio > 1 + eps with A > 0 or ratio < 1 - eps with A < 0 (strict: a ratio exactly on 1 +- eps keeps ratio A / T).")
    @Clause(id = "gradientNewArray", value = "gradient returns a new array on every call.")
    double[] gradient(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon);
}
