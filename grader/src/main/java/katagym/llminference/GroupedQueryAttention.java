package katagym.llminference;

import katagym.grader.spec.Clause;

/**
 * Grouped-query attention (GQA), multi-query attention (MQA) as its hkv = 1 case. Kata
 * {@code grouped-query-attention}.
 */
@Clause(id = "newArray", value = "forward returns a new out[hq][n][dv] (nothing reused between calls) and modifies none of q, k, v.")
@Clause(id = "kvHeadOfQueryHead", value = "Query head h uses key/value head h / (hq / hkv): consecutive query heads share one.")
@Clause(id = "scaledDotProductAttention", value = "Each head computes softmax(q_h k_g^T / sqrt(dh)) v_g, dh being the key width q[h][0].length (not dv).")
@Clause(id = "causalMask", value = "With causal, query i sees keys j <= i (counted from the first key, also when m != n).")
@Clause(id = "stable", value = "The output is finite and accurate for scores of a thousand and more.")
public interface GroupedQueryAttention {
    /**
     * {@code q[hq][n][dh]}, {@code k[hkv][m][dh]}, {@code v[hkv][m][dv]} with hq a multiple of hkv.
     * Query head h uses key/value head {@code h / (hq / hkv)} (consecutive query heads share one)
     * and computes {@code softmax(q_h k_g^T / sqrt(dh) + mask) v_g}; causal: query i sees keys j <= i
     * (counted from key 0 whatever m and n are). Finite for scores of a thousand and more.
     * Returns {@code out[hq][n][dv]}; modifies nothing.
     */
    double[][][] forward(double[][][] q, double[][][] k, double[][][] v, boolean causal);
}
