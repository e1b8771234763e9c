package katagym.moe;

import katagym.NotImplementedYet;

/**
 * Kata {@code top-k-gating}: mixture-of-experts top-k routing, combining expert outputs, and the
 * Switch Transformer load-balancing loss.
 * Statement: katas/src/main/resources/statements/top-k-gating.md ({@code ./kata show top-k-gating}).
 */
public final class TopKGatingKata implements TopKGating {

    /**
     * For each token (row of {@code routerLogits}): the k experts with the largest logits, largest first,
     * equal logits to the lower index first; weights = softmax over those k logits (max subtracted).
     */
    @Override
    public Routing route(double[][] routerLogits, int k) {
        throw new NotImplementedYet("TopKGatingKata.route");
    }

    /** Returns {@code out[t] = sum_j weights[t][j] * expertOutputs[experts[t][j]][t]}. */
    @Override
    public double[][] combine(Routing routing, double[][][] expertOutputs) {
        throw new NotImplementedYet("TopKGatingKata.combine");
    }

    /** Returns {@code E * sum_i f_i * P_i} (top-1 fractions f, mean full-softmax probabilities P). */
    @Override
    public double loadBalancingLoss(double[][] routerLogits) {
        throw new NotImplementedYet("TopKGatingKata.loadBalancingLoss");
    }
}
