package katagym.attention;

import katagym.grader.spec.Clause;

/**
 * Scaled dot-product attention, forward and backward. Kata {@code scaled-dot-product-attention}.
 * Shapes: {@code q[n][dk]}, {@code k[m][dk]}, {@code v[m][dv]}, {@code upstream[n][dv]}.
 * With {@code causal}, query i may attend to key j only when {@code j <= i} (PyTorch's
 * {@code is_causal}, top-left aligned). Any {@code n, m, dk, dv >= 1}: n need not equal m, dk need not
 * equal dv, and a single query or key is allowed. Every method returns new arrays and modifies none
 * of its arguments.
 */
@Clause(id = "newArrays", value = "Every method returns new arrays (never an argument, a row of one, or a buffer reused between calls) and modifies none of its arguments.")
@Clause(id = "anyShape", value = "Any n, m, dk, dv >= 1 are allowed: n != m, dk != dv, and a single query or a single key included.")
public interface ScaledDotProductAttention {

    /** The gradients of {@code <upstream, forward(q, k, v)>}: shapes of q, k and v. */
    record Grads(double[][] dq, double[][] dk, double[][] dv) {}

    /**
     * The attention weights {@code P = softmax(q k^T / sqrt(dk) + mask)}, softmax over each row
     * (over the keys), {@code P[i][j] = 0} exactly where the mask forbids j. Shape {@code [n][m]}.
     * Every weight is accurate to 1e-9 relative, however small (e^-40 is not 0).
     */
    @Clause(id = "weightsValue", value = "weights(q, k, causal) = softmax over each row (over the keys) of q k^T / sqrt(dk), dk = q[0].length; shape [n][m].")
    @Clause(id = "weightsMask", value = "With causal, P[i][j] = 0 exactly for j > i (top-left aligned) and each row still sums to 1; without it no weight is forced to 0.")
    @Clause(id = "weightsRelative", value = "Every weight is accurate to 1e-9 relative, however small: a weight of e^-40 is not flushed to 0.")
    double[][] weights(double[][] q, double[][] k, boolean causal);

    /** {@code out = P v}, shape {@code [n][dv]}; finite for scores of magnitude 1e3. */
    @Clause(id = "forwardValue", value = "forward(q, k, v, causal) = weights(q, k, causal) v, shape [n][dv].")
    @Clause(id = "stable", value = "weights, forward and backward are finite and accurate for scores of magnitude 1e3.")
    double[][] forward(double[][] q, double[][] k, double[][] v, boolean causal);

    /** dQ, dK, dV of the scalar {@code sum_ic upstream[i][c] * out[i][c]}. */
    @Clause(id = "backwardValue", value = "backward returns the gradients dq, dk, dv of sum_ic upstream[i][c] out[i][c], with the shapes of q, k and v; the scale 1/sqrt(dk) multiplies dq and dk.")
    Grads backward(double[][] q, double[][] k, double[][] v, boolean causal, double[][] upstream);
}
