package katagym.moe;

import katagym.NotImplementedYet;

/**
 * Kata {@code moe-load-balancing}: the Switch Transformer auxiliary loss, expert capacity, token
 * dropping and the router z-loss. Statement: katas/src/main/resources/statements/moe-load-balancing.md
 * ({@code ./kata show moe-load-balancing}).
 */
public final class MoeLoadBalancingKata implements MoeLoadBalancing {

    /** Returns alpha * E * sum_i f_i * P_i (f_i: top-1 fraction, P_i: mean softmax probability); stable for |logits| up to 1e3. */
    @Override
    public double auxLoss(double[][] routerLogits, double alpha) {
        throw new NotImplementedYet("MoeLoadBalancingKata.auxLoss");
    }

    /** Returns (int) Math.ceil(capacityFactor * tokens / experts); throws IllegalArgumentException on tokens < 0, experts < 1, factor <= 0. */
    @Override
    public int capacity(int tokens, int experts, double capacityFactor) {
        throw new NotImplementedYet("MoeLoadBalancingKata.capacity");
    }

    /**
     * Returns a new array: each token's top-1 expert, or -1 when that expert already took capacity
     * earlier tokens; throws IllegalArgumentException when capacityFactor <= 0.
     */
    @Override
    public int[] dispatch(double[][] routerLogits, double capacityFactor) {
        throw new NotImplementedYet("MoeLoadBalancingKata.dispatch");
    }

    /** Returns the mean over tokens of logsumexp(row)^2, stable for |logits| up to 1e3. */
    @Override
    public double zLoss(double[][] routerLogits) {
        throw new NotImplementedYet("MoeLoadBalancingKata.zLoss");
    }
}
