package katagym.attention;

/**
 * Scaled dot-product attention, forward and backward. Kata {@code scaled-dot-product-attention}.
 * Shapes: {@code q[n][dk]}, {@code k[m][dk]}, {@code v[m][dv]}, {@code upstream[n][dv]}.
 * With {@code causal}, query i may attend to key j only when {@code j <= i} (PyTorch's
 * {@code is_causal}, top-left aligned). No method modifies its arguments.
 */
public interface ScaledDotProductAttention {

    /** The gradients of {@code <upstream, forward(q, k, v)>}: shapes of q, k and v. */
    record Grads(double[][] dq, double[][] dk, double[][] dv) {}

    /**
     * The attention weights {@code P = softmax(q k^T / sqrt(dk) + mask)}, softmax over each row
     * (over the keys), {@code P[i][j] = 0} exactly where the mask forbids j. Shape {@code [n][m]}.
     */
    double[][] weights(double[][] q, double[][] k, boolean causal);

    /** {@code out = P v}, shape {@code [n][dv]}; finite for scores of magnitude 1e3. */
    double[][] forward(double[][] q, double[][] k, double[][] v, boolean causal);

    /** dQ, dK, dV of the scalar {@code sum_ic upstream[i][c] * out[i][c]}. */
    Grads backward(double[][] q, double[][] k, double[][] v, boolean causal, double[][] upstream);
}
