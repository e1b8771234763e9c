package katagym.rlhf;

import katagym.grader.spec.Clause;

/**
 * The GRPO objective (DeepSeekMath) for one group of G responses to the same prompt. Kata
 * {@code grpo-objective}. {@code rewards[i]} scores response i; {@code logProbsNew[i][t]},
 * {@code logProbsOld[i][t]} and {@code logProbsRef[i][t]} are the log-probabilities of its t-th token
 * under the current policy, the policy that sampled the group, and the frozen reference model
 * (row i has the length T_i >= 1 of response i; rows may differ in length). No method may modify
 * its arguments. A group has G >= 1 responses.
 */
@Clause(id = "pure", value = "No method modifies its arguments.")
@Clause(id = "newArrays", value = "advantages and gradient return new arrays (rows included) on every call, never an argument or a buffer reused between calls.")
public interface GrpoObjective {

    /** Added to the standard deviation so that a group of equal rewards does not divide by zero. */
    double STD_EPSILON = 1e-8;

    /**
     * Group-normalised advantages: {@code A_i = (rewards[i] - mean) / (std + STD_EPSILON)} with the
     * <b>population</b> standard deviation (divide the squared deviations by G, not G - 1). A single
     * response, or equal rewards whose mean is computed exactly (multiples of 1/8, say), get advantages
     * 0; for other equal rewards the rounded mean leaves advantages of order 1e-9. Accurate when the rewards share a
     * large common offset (1e6).
     */
    @Clause(id = "advantagesValue", value = "A_i = (rewards[i] - mean) / (std + 1e-8) with the population std (divide by G); G = 1, or equal rewards whose mean is exact (multiples of 1/8), give 0.")
    @Clause(id = "advantagesStable", value = "advantages are accurate when the rewards share a large common offset (1e6): no one-pass variance.")
    double[] advantages(double[] rewards);

    /**
     * The objective to <b>maximise</b>: per token, with {@code ratio = exp(new - old)} and
     * {@code d = ref - new}, the term {@code min(ratio * A_i, clip(ratio, 1 - clipEpsilon, 1 + clipEpsilon) * A_i)
     * - beta * (exp(d) - d - 1)}; averaged over the tokens of each response, then over the G responses.
     */
    @Clause(id = "objectiveValue", value = "objective: per token min(ratio A_i, clip(ratio, 1 - eps, 1 + eps) A_i) - beta (exp(d) - d - 1), d = ref - new; mean over each response's tokens, then over the G responses.")
    double objective(double[] rewards, double[][] logProbsNew, double[][] logProbsOld, double[][] logProbsRef,
                     double clipEpsilon, double beta);

    /**
     * The gradient of {@link #objective} with respect to {@code logProbsNew}, shaped like it. The
     * surrogate's part is 0 only where ratio > 1 + eps with A > 0 or ratio < 1 - eps with A < 0 (strict).
     */
    @Clause(id = "gradientValue", value = "gradient[i][t] = d objective / d logProbsNew[i][t], shaped like logProbsNew.")
    @Clause(id = "gradientClip", value = "The surrogate's gradient is 0 only strictly beyond the clip range against the advantage: a ratio exactly on 1 +- eps keeps ratio A_i.")
    double[][] gradient(double[] rewards, double[][] logProbsNew, double[][] logProbsOld, double[][] logProbsRef,
                        double clipEpsilon, double beta);
}
