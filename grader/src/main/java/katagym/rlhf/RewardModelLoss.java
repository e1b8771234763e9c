package katagym.rlhf;

import katagym.grader.spec.Clause;

/**
 * The InstructGPT reward-model loss for one prompt with K >= 2 ranked responses. Kata
 * {@code reward-model-loss}. Neither method may modify its argument.
 */
@Clause(id = "pure", value = "Neither method modifies rewards.")
public interface RewardModelLoss {

    /**
     * {@code rewards[k]} is the reward model's score of the k-th response, the responses ranked best
     * first ({@code rewards[0]} is the labellers' favourite). Returns the mean over the C(K,2) pairs
     * {@code i < j} of {@code -log sigmoid(rewards[i] - rewards[j])}; finite, and accurate to 1e-9
     * relative (down to 1e-300), for reward gaps up to 1e3 (a gap of 40 in the right order gives 4.2e-18, not 0).
     */
    @Clause(id = "lossValue", value = "loss(rewards) is the mean over all C(K,2) pairs i < j of -log sigmoid(rewards[i] - rewards[j]), rewards[0] the best.")
    @Clause(id = "lossStable", value = "loss is finite and accurate to 1e-9 relative (down to 1e-300) for reward gaps up to 1e3, tiny losses included.")
    double loss(double[] rewards);

    /**
     * The gradient of {@link #loss} with respect to each reward (a new array of length K); finite for
     * reward gaps up to 1e3 and, for K = 2, accurate to 1e-9 relative there too.
     */
    @Clause(id = "gradientValue", value = "gradient(rewards)[k] is d loss / d rewards[k], an array of length K.")
    @Clause(id = "gradientNewArray", value = "gradient returns a new array on every call (not rewards, not a buffer reused between calls).")
    @Clause(id = "gradientStable", value = "gradient is finite for reward gaps up to 1e3 and, for K = 2, accurate to 1e-9 relative (down to 1e-300).")
    double[] gradient(double[] rewards);
}
