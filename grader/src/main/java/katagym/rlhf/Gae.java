package katagym.rlhf;

import katagym.grader.spec.Clause;

/**
 * Generalised advantage estimation over a rollout of T steps. Kata {@code gae}.
 * The method must not modify its arguments.
 */
@Clause(id = "pure", value = "estimate modifies none of its arguments.")
@Clause(id = "newArrays", value = "The advantages and returns of every call are new arrays (not an argument, not a buffer reused between calls).")
public interface Gae {

    /**
     * {@code rewards} and {@code dones} have length T >= 1, {@code values} has T + 1 entries: V(s_0) ..
     * V(s_T), the last one the bootstrap value of the state after the rollout. {@code dones[t]} true
     * means the episode ended after step t: no bootstrap from V(s_{t+1}) and no advantage carried back
     * across it. With {@code m_t = dones[t] ? 0 : 1}:
     * <pre>
     *   delta_t = rewards[t] + gamma * values[t+1] * m_t - values[t]
     *   A_t     = delta_t + gamma * lambda * m_t * A_{t+1}      (A_T = 0)
     *   returns[t] = A_t + values[t]
     * </pre>
     */
    @Clause(id = "advantagesValue", value = "A_t = delta_t + gamma lambda m_t A_{t+1} with delta_t = r_t + gamma V_{t+1} m_t - V_t, A_T = 0, for any gamma, lambda in [0, 1].")
    @Clause(id = "doneCuts", value = "dones[t] cuts both the bootstrap from V(s_{t+1}) and the carry of A_{t+1}, at the last step too; without it the last step bootstraps from values[T].")
    @Clause(id = "returnsValue", value = "returns[t] = A_t + values[t].")
    Result estimate(double[] rewards, double[] values, boolean[] dones, double gamma, double lambda);

    /** Advantages and returns (the value-function targets), each of length T. */
    record Result(double[] advantages, double[] returns) {}
}
