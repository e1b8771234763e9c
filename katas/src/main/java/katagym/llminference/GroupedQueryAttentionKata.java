package katagym.llminference;

import katagym.NotImplementedYet;

/**
 * Kata {@code grouped-query-attention}: query heads share key/value heads.
 * Statement: katas/src/main/resources/statements/grouped-query-attention.md
 * ({@code ./kata show grouped-query-attention}).
 */
public final class GroupedQueryAttentionKata implements GroupedQueryAttention {

    /**
     * Returns {@code out[hq][n][dv]}: query head h attends with key/value head {@code h / (hq / hkv)},
     * scores scaled by {@code 1/sqrt(dh)}, causal optional (key j visible to query i when j <= i).
     */
    @Override
    public double[][][] forward(double[][][] q, double[][][] k, double[][][] v, boolean causal) {
        throw new NotImplementedYet("GroupedQueryAttentionKata.forward");
    }
}
