package katagym.attention;

import katagym.NotImplementedYet;

/**
 * Kata {@code multi-head-self-attention}: batched MHSA with given weights.
 * Statement: katas/src/main/resources/statements/multi-head-self-attention.md
 * ({@code ./kata show multi-head-self-attention}).
 */
public final class MultiHeadSelfAttentionKata implements MultiHeadSelfAttention {

    /**
     * Returns {@code out[batch][n][dModel]}: project q, k, v with {@code x w^T}, split each into
     * {@code numHeads} contiguous column blocks, run scaled dot-product attention per head with scale
     * {@code 1/sqrt(dk/numHeads)} (causal optional), concatenate the heads and apply
     * {@code wo^T + bo}. Do not modify the arguments.
     */
    @Override
    public double[][][] forward(double[][][] x, int numHeads, Weights w, boolean causal) {
        throw new NotImplementedYet("MultiHeadSelfAttentionKata.forward");
    }
}
