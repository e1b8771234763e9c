package katagym.rlhf;

import katagym.NotImplementedYet;

/**
 * Kata {@code grpo-objective}: Group Relative Policy Optimization (DeepSeekMath): group-normalised
 * advantages, the PPO clipped surrogate per token, and the k3 KL penalty; with the gradient.
 * Statement: katas/src/main/resources/statements/grpo-objective.md ({@code ./kata show grpo-objective}).
 */
public final class GrpoObjectiveKata implements GrpoObjective {

    /** Returns {@code (rewards[i] - mean) / (populationStd + STD_EPSILON)} for each response. */
    @Override
    public double[] advantages(double[] rewards) {
        throw new NotImplementedYet("GrpoObjectiveKata.advantages");
    }

    /**
     * Returns the objective to maximise: per token {@code min(ratio * A_i, clip(ratio) * A_i) - beta * k3},
     * with {@code k3 = exp(ref - new) - (ref - new) - 1}; mean over each response's tokens, then over the group.
     */
    @Override
    public double objective(double[] rewards, double[][] logProbsNew, double[][] logProbsOld, double[][] logProbsRef,
                            double clipEpsilon, double beta) {
        throw new NotImplementedYet("GrpoObjectiveKata.objective");
    }

    /** Returns a new array shaped like {@code logProbsNew}: the derivative of {@link #objective} for each token. */
    @Override
    public double[][] gradient(double[] rewards, double[][] logProbsNew, double[][] logProbsOld, double[][] logProbsRef,
                               double clipEpsilon, double beta) {
        throw new NotImplementedYet("GrpoObjectiveKata.gradient");
    }
}
