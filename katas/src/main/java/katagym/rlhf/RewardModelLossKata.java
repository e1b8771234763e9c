package katagym.rlhf;

import katagym.NotImplementedYet;

/**
 * Kata {@code reward-model-loss}: the InstructGPT pairwise ranking loss of a reward model, and its
 * gradient with respect to the rewards.
 * Statement: katas/src/main/resources/statements/reward-model-loss.md ({@code ./kata show reward-model-loss}).
 */
public final class RewardModelLossKata implements RewardModelLoss {

    /**
     * {@code rewards} are ranked best first. Returns the mean over all pairs {@code i < j} of
     * {@code -log sigmoid(rewards[i] - rewards[j])}, finite even for reward gaps of 1e3.
     */
    @Override
    public double loss(double[] rewards) {
        throw new NotImplementedYet("RewardModelLossKata.loss");
    }

    /** Returns a new array: the derivative of {@link #loss} with respect to each reward. */
    @Override
    public double[] gradient(double[] rewards) {
        throw new NotImplementedYet("RewardModelLossKata.gradient");
    }
}
