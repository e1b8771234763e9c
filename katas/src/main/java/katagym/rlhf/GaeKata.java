package katagym.rlhf;

import katagym.NotImplementedYet;

/**
 * Kata {@code gae}: generalised advantage estimation (Schulman et al. 2016) with episode ends, and the
 * returns used as value targets.
 * Statement: katas/src/main/resources/statements/gae.md ({@code ./kata show gae}).
 */
public final class GaeKata implements Gae {

    /**
     * Returns new arrays of length T: {@code A_t = delta_t + gamma * lambda * (1 - done_t) * A_{t+1}} with
     * {@code delta_t = r_t + gamma * V_{t+1} * (1 - done_t) - V_t}, computed backwards from the last step,
     * and {@code returns[t] = A_t + V_t}. {@code values} has T + 1 entries.
     */
    @Override
    public Result estimate(double[] rewards, double[] values, boolean[] dones, double gamma, double lambda) {
        throw new NotImplementedYet("GaeKata.estimate");
    }
}
