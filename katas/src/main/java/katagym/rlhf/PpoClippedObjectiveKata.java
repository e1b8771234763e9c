package katagym.rlhf;

import katagym.NotImplementedYet;

/**
 * Kata {@code ppo-clipped-objective}: PPO's clipped surrogate objective and its gradient with respect
 * to the new policy's log-probabilities.
 * Statement: katas/src/main/resources/statements/ppo-clipped-objective.md ({@code ./kata show ppo-clipped-objective}).
 */
public final class PpoClippedObjectiveKata implements PpoClippedObjective {

    /**
     * Returns the objective to maximise: the mean over tokens of
     * {@code min(ratio * A, clip(ratio, 1 - eps, 1 + eps) * A)} with {@code ratio = exp(new - old)}.
     */
    @Override
    public double objective(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon) {
        throw new NotImplementedYet("PpoClippedObjectiveKata.objective");
    }

    /** Returns a new array: the derivative of {@link #objective} with respect to each {@code logProbsNew[t]}. */
    @Override
    public double[] gradient(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon) {
        throw new NotImplementedYet("PpoClippedObjectiveKata.gradient");
    }
}
