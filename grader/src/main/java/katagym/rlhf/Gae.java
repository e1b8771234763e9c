package katagym.rlhf;

/**
 * Generalised advantage estimation over a rollout of T steps. Kata {@code gae}.
 * The method must not modify its arguments.
 */
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
    Result estimate(double[] rewards, double[] values, boolean[] dones, double gamma, double lambda);

    /** Advantages and returns (the value-function targets), each of length T. */
    record Result(double[] advantages, double[] returns) {}
}
