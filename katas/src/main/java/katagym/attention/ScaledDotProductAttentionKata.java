package katagym.attention;

import katagym.NotImplementedYet;

/**
 * Kata {@code scaled-dot-product-attention}: softmax(q k^T / sqrt(dk) + mask) v, and its backward.
 * Statement: katas/src/main/resources/statements/scaled-dot-product-attention.md
 * ({@code ./kata show scaled-dot-product-attention}).
 */
public final class ScaledDotProductAttentionKata implements ScaledDotProductAttention {

    /**
     * Returns the attention weights {@code P[n][m]}: row i is the softmax over j of
     * {@code q_i . k_j / sqrt(dk)}, with {@code P[i][j] = 0} for {@code j > i} when {@code causal}.
     * Subtract each row's maximum before exponentiating.
     */
    @Override
    public double[][] weights(double[][] q, double[][] k, boolean causal) {
        throw new NotImplementedYet("ScaledDotProductAttentionKata.weights");
    }

    /** Returns {@code out = P v}, shape {@code [n][dv]}. */
    @Override
    public double[][] forward(double[][] q, double[][] k, double[][] v, boolean causal) {
        throw new NotImplementedYet("ScaledDotProductAttentionKata.forward");
    }

    /**
     * Returns dq, dk, dv of {@code sum upstream * out}: {@code dV = P^T dO}, {@code dP = dO v^T},
     * {@code dS = P * (dP - rowsum(P * dP))}, then dq and dk from dS (remember the 1/sqrt(dk)).
     */
    @Override
    public Grads backward(double[][] q, double[][] k, double[][] v, boolean causal, double[][] upstream) {
        throw new NotImplementedYet("ScaledDotProductAttentionKata.backward");
    }
}
