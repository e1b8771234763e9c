package katagym.moe;

import katagym.grader.spec.Clause;

/**
 * Load balancing of a top-1 (Switch Transformer) mixture-of-experts router: the auxiliary loss, the
 * expert capacity, token dropping beyond it, and the router z-loss (ST-MoE). Kata
 * {@code moe-load-balancing}. {@code routerLogits} is {@code [tokens][experts]}, at least one token
 * and one expert; a token's top-1 expert is the one with the largest logit, an equal logit ({@code ==},
 * so -0.0 and 0.0 too) going to the lower expert index.
 */
@Clause(id = "noModify", value = "No method modifies its arguments; dispatch returns a new array.")
public interface MoeLoadBalancing {

    /**
     * The Switch Transformer auxiliary loss {@code alpha * E * sum_i f_i * P_i}: E the number of
     * experts, f_i the fraction of tokens whose top-1 expert is i (before any dropping), P_i the mean
     * over tokens of the softmax over all E logits, at expert i. Equals alpha under a uniform
     * routing. Finite and accurate (1e-9 relative) for logits up to |x| = 1e3.
     */
    @Clause(id = "auxValue", value = "auxLoss = alpha * E * sum_i f_i P_i with f_i the fraction of tokens whose top-1 expert (ties to the lower "
            + "index) is i and P_i the mean full softmax probability of i; it equals alpha under uniform routing.")
    @Clause(id = "auxStable", value = "auxLoss is finite and accurate (1e-9 relative) for logits up to |x| = 1e3.")
    double auxLoss(double[][] routerLogits, double alpha);

    /**
     * Expert capacity: {@code (int) Math.ceil(capacityFactor * tokens / experts)}, the expression
     * evaluated in double from left to right (the grader draws capacity factors that are multiples
     * of 1/64, for which it is exact). The result fits in an int: tokens up to 1e9 with a factor up to 2.
     *
     * @throws IllegalArgumentException when tokens < 0, experts < 1 or capacityFactor <= 0
     */
    @Clause(id = "capacityValue", value = "capacity = ceil(capacityFactor * tokens / experts): rounded UP, never down, and exact when the "
            + "quotient is whole; tokens up to 1e9 (with capacityFactor up to 2) do not overflow.")
    @Clause(id = "capacityRejects", value = "capacity throws IllegalArgumentException when tokens < 0, experts < 1 or capacityFactor <= 0.")
    int capacity(int tokens, int experts, double capacityFactor);

    /**
     * Top-1 dispatch with capacity {@code capacity(T, E, capacityFactor)}: tokens are taken in token
     * order; token t goes to its top-1 expert unless that expert already holds capacity tokens, in
     * which case t is dropped ({@code -1}; it rides the residual connection). A dropped token is
     * never sent to another expert.
     *
     * @return {@code assignment[t]}: the expert of token t, or -1 when dropped
     * @throws IllegalArgumentException when capacityFactor <= 0
     */
    @Clause(id = "dispatchTop1", value = "dispatch sends every kept token to its top-1 expert (ties to the lower index) and never reroutes a dropped one.")
    @Clause(id = "dispatchOrder", value = "dispatch keeps, for each expert, the FIRST capacity tokens (in token order) routed to it and drops (-1) the rest.")
    @Clause(id = "dispatchRejects", value = "dispatch throws IllegalArgumentException when capacityFactor <= 0.")
    int[] dispatch(double[][] routerLogits, double capacityFactor);

    /**
     * The router z-loss (Zoph et al. 2022, ST-MoE): the mean over tokens of
     * {@code (log sum_i exp(x_ti))^2}. Finite and accurate for logits up to |x| = 1e3.
     */
    @Clause(id = "zValue", value = "zLoss = mean over tokens of logsumexp(row)^2 (the mean of the squares, not the square of the mean).")
    @Clause(id = "zStable", value = "zLoss is finite and accurate (1e-9 relative) for logits up to |x| = 1e3, the decade 10 to 100 included.")
    double zLoss(double[][] routerLogits);
}
