package katagym.llminference;

/**
 * Grouped-query attention (GQA), multi-query attention (MQA) as its hkv = 1 case. Kata
 * {@code grouped-query-attention}.
 */
public interface GroupedQueryAttention {
    /**
     * {@code q[hq][n][dh]}, {@code k[hkv][m][dh]}, {@code v[hkv][m][dv]} with hq a multiple of hkv.
     * Query head h uses key/value head {@code h / (hq / hkv)} (consecutive query heads share one)
     * and computes {@code softmax(q_h k_g^T / sqrt(dh) + mask) v_g}; causal: query i sees keys j <= i.
     * Returns {@code out[hq][n][dv]}; modifies nothing.
     */
    double[][][] forward(double[][][] q, double[][][] k, double[][][] v, boolean causal);
}
