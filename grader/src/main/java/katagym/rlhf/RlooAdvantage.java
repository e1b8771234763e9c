package katagym.rlhf;

import katagym.grader.spec.Clause;

/**
 * REINFORCE leave-one-out (RLOO) advantages, Ahmadian et al. (2024) after Kool et al. (2019). Kata
 * {@code rloo-advantage}.
 *
 * <p>{@code rewards[p]} holds the rewards of the k samples drawn for prompt p (k may differ between
 * prompts). Each sample's baseline is the mean reward of the OTHER k - 1 samples of its own prompt:
 * <pre>
 *   A[p][i] = r_i - (1 / (k - 1)) * sum_{j != i} r_j   =   k / (k - 1) * (r_i - mean_j r_j)
 * </pre>
 * A prompt with fewer than two samples has no leave-one-out baseline (0 / 0): the method throws
 * {@link IllegalArgumentException}. No prompts at all ({@code rewards.length == 0}) give an empty result.
 */
@Clause(id = "newArrays", value = "advantages returns new arrays (not an argument's row, not a buffer reused between calls) and never modifies its argument.")
public interface RlooAdvantage {

    /** The leave-one-out advantages, one row per prompt, of the same shape as {@code rewards}. */
    @Clause(id = "leaveOneOut", value = "A[p][i] = r_i - mean of the other k - 1 rewards of prompt p (= k/(k-1) (r_i - mean of all k)), with k = rewards[p].length, each prompt on its own.")
    @Clause(id = "shape", value = "The result has one row per prompt, each as long as its rewards row (prompts may have different k); no prompts give an empty result.")
    @Clause(id = "rejectsSingleSample", value = "Throws IllegalArgumentException when some prompt has fewer than 2 samples (k = 0 or k = 1: no other sample to form the baseline).")
    @Clause(id = "largeRewards", value = "Finite and accurate (1e-9 relative, 1e-12 of the largest |reward| absolute) for any rewards of magnitude up to 4e307, where their sum overflows a double.")
    double[][] advantages(double[][] rewards);
}
