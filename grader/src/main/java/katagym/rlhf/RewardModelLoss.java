package katagym.rlhf;

/**
 * The InstructGPT reward-model loss for one prompt with K >= 2 ranked responses. Kata
 * {@code reward-model-loss}. Neither method may modify its argument.
 */
public interface RewardModelLoss {

    /**
     * {@code rewards[k]} is the reward model's score of the k-th response, the responses ranked best
     * first ({@code rewards[0]} is the labellers' favourite). Returns the mean over the C(K,2) pairs
     * {@code i < j} of {@code -log sigmoid(rewards[i] - rewards[j])}; finite for reward gaps up to 1e3.
     */
    double loss(double[] rewards);

    /** The gradient of {@link #loss} with respect to each reward (a new array of length K). */
    double[] gradient(double[] rewards);
}
