package katagym.rlhf;

/**
 * The GRPO objective (DeepSeekMath) for one group of G responses to the same prompt. Kata
 * {@code grpo-objective}. {@code rewards[i]} scores response i; {@code logProbsNew[i][t]},
 * {@code logProbsOld[i][t]} and {@code logProbsRef[i][t]} are the log-probabilities of its t-th token
 * under the current policy, the policy that sampled the group, and the frozen reference model
 * (row i has the length T_i >= 1 of response i; rows may differ in length). No method may modify
 * its arguments.
 */
public interface GrpoObjective {

    /** Added to the standard deviation so that a group of equal rewards does not divide by zero. */
    double STD_EPSILON = 1e-8;

    /**
     * Group-normalised advantages: {@code A_i = (rewards[i] - mean) / (std + STD_EPSILON)} with the
     * <b>population</b> standard deviation (divide the squared deviations by G, not G - 1).
     */
    double[] advantages(double[] rewards);

    /**
     * The objective to <b>maximise</b>: per token, with {@code ratio = exp(new - old)} and
     * {@code d = ref - new}, the term {@code min(ratio * A_i, clip(ratio, 1 - clipEpsilon, 1 + clipEpsilon) * A_i)
     * - beta * (exp(d) - d - 1)}; averaged over the tokens of each response, then over the G responses.
     */
    double objective(double[] rewards, double[][] logProbsNew, double[][] logProbsOld, double[][] logProbsRef,
                     double clipEpsilon, double beta);

    /** The gradient of {@link #objective} with respect to {@code logProbsNew}, shaped like it. */
    double[][] gradient(double[] rewards, double[][] logProbsNew, double[][] logProbsOld, double[][] logProbsRef,
                        double clipEpsilon, double beta);
}
