package katagym.moe;

import katagym.grader.spec.Clause;

/**
 * Top-k routing of a mixture-of-experts layer (Mixtral style) with the Switch Transformer
 * load-balancing auxiliary loss. Kata {@code top-k-gating}. {@code routerLogits} is
 * {@code [tokens][experts]}; nothing may modify its arguments.
 */
@Clause(id = "noModify", value = "No method modifies its arguments.")
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
     * Logits are compared with {@code >} and {@code ==}: -0.0 and 0.0 are equal logits.
     */
    @Clause(id = "routeExperts", value = "route: experts[t] holds the k experts with the largest logits in descending order; equal logits "
            + "(==, so -0.0 and 0.0 too) go to the lower expert index first.")
    @Clause(id = "routeWeights", value = "route: weights[t] is the softmax over the k chosen logits only, in the order of experts[t], summing to 1.")
    @Clause(id = "routeStable", value = "route's weights are finite and accurate (1e-9 relative) for logits up to |x| = 1e3, the decade 10 to 100 included.")
    @Clause(id = "anyK", value = "Any k from 1 to the number of experts is valid; k = E routes every token to every expert.")
    Routing route(double[][] routerLogits, int k);

    /**
     * The layer's output: {@code out[t] = sum_j weights[t][j] * expertOutputs[experts[t][j]][t]}, where
     * {@code expertOutputs[e][t]} is expert e's output vector for token t ({@code [experts][tokens][dim]}).
     */
    @Clause(id = "combineValue", value = "combine: out[t] = sum_j weights[t][j] * expertOutputs[experts[t][j]][t].")
    double[][] combine(Routing routing, double[][][] expertOutputs);

    /**
     * The Switch Transformer auxiliary loss {@code E * sum_i f_i * P_i}: E the number of experts, f_i the
     * fraction of tokens whose top-1 expert (largest logit, ties to the lower index) is i, P_i the mean
     * over tokens of the softmax over all E router logits, at expert i. Equals 1 under uniform routing.
     * Finite and accurate for logits up to |x| = 1e3.
     */
    @Clause(id = "lossValue", value = "loadBalancingLoss = E * sum_i f_i * P_i, f_i the fraction of tokens whose top-1 expert (ties to the lower index) is i, "
            + "P_i the mean over tokens of the full softmax at i; it equals 1 under uniform routing.")
    @Clause(id = "lossStable", value = "loadBalancingLoss is finite and accurate for logits up to |x| = 1e3.")
    double loadBalancingLoss(double[][] routerLogits);
}
