package katagym.rlhf;

/**
 * PPO's clipped surrogate objective over the T tokens of a batch. Kata {@code ppo-clipped-objective}.
 * All arrays have length T; neither method may modify its arguments.
 */
public interface PpoClippedObjective {

    /**
     * The objective to <b>maximise</b> (not the loss): with {@code ratio_t = exp(logProbsNew[t] - logProbsOld[t])},
     * the mean over t of {@code min(ratio_t * A_t, clip(ratio_t, 1 - clipEpsilon, 1 + clipEpsilon) * A_t)}.
     */
    double objective(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon);

    /**
     * The gradient of {@link #objective} with respect to {@code logProbsNew} (a new array of length T).
     * Where the clip binds against the advantage (ratio > 1 + eps with A > 0, or ratio < 1 - eps with
     * A < 0) the entry is 0; elsewhere it is {@code ratio_t * A_t / T}.
     */
    double[] gradient(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon);
}
