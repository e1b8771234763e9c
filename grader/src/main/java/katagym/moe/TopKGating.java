package katagym.moe;

/**
 * Top-k routing of a mixture-of-experts layer (Mixtral style) with the Switch Transformer
 * load-balancing auxiliary loss. Kata {@code top-k-gating}. {@code routerLogits} is
 * {@code [tokens][experts]}; nothing may modify its arguments.
 */
public interface TopKGating {

    /**
     * Per token t: {@code experts[t]} the k chosen expert indices, largest logit first, and
     * {@code weights[t]} their gate weights, in the same order.
     */
    record Routing(int[][] experts, double[][] weights) {}

    /**
     * For each token, picks the k experts with the largest router logits in descending order of logit,
     * an equal logit going to the lower expert index first, and weights them by a softmax over those k
     * logits only (so each token's weights sum to 1). Stable for logits up to |x| = 1e3. 1 <= k <= experts.
     */
    Routing route(double[][] routerLogits, int k);

    /**
     * The layer's output: {@code out[t] = sum_j weights[t][j] * expertOutputs[experts[t][j]][t]}, where
     * {@code expertOutputs[e][t]} is expert e's output vector for token t ({@code [experts][tokens][dim]}).
     */
    double[][] combine(Routing routing, double[][][] expertOutputs);

    /**
     * The Switch Transformer auxiliary loss {@code E * sum_i f_i * P_i}: E the number of experts, f_i the
     * fraction of tokens whose top-1 expert (largest logit, ties to the lower index) is i, P_i the mean
     * over tokens of the softmax over all E router logits, at expert i. Equals 1 under uniform routing.
     */
    double loadBalancingLoss(double[][] routerLogits);
}
