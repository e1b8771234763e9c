package katagym.rlhf;

import katagym.NotImplementedYet;

/**
 * Kata {@code rloo-advantage}.
 * Statement: katas/src/main/resources/statements/rloo-advantage.md ({@code ./kata show rloo-advantage}).
 */
public final class RlooAdvantageKata implements RlooAdvantage {

    /**
     * For each prompt p with k = rewards[p].length samples: A[p][i] = r_i minus the mean of the other
     * k - 1 rewards of that prompt. Throw IllegalArgumentException if some prompt has k < 2. Return new
     * arrays; stay finite for rewards up to 4e307 in magnitude (their sum overflows).
     */
    @Override
    public double[][] advantages(double[][] rewards) {
        throw new NotImplementedYet("RlooAdvantageKata.advantages");
    }
}
