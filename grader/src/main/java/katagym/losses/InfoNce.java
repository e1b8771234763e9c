package katagym.losses;

/**
 * InfoNCE with in-batch negatives (SimCSE, one direction of CLIP): query i's positive is key i and the
 * other keys of the batch are its negatives. Kata {@code info-nce}.
 *
 * <p>{@code queries} and {@code keys} are {@code [N][D]} ({@code N, D >= 1}) with nonzero rows, and
 * {@code temperature > 0}. The logits are {@code s[i][j] = cos(q_i, k_j) / temperature} with
 * {@code cos(a, b) = a.b / (|a| |b|)} (no epsilon); the loss is
 * {@code (1/N) sum_i -log_softmax(s[i])[i]}, the mean cross-entropy with target i in row i. No method
 * modifies its arguments.
 */
public interface InfoNce {
    /** The gradients of the loss with respect to the queries and the keys, each {@code [N][D]}. */
    record Gradients(double[][] dqueries, double[][] dkeys) {}

    /** The InfoNCE loss; finite for temperatures down to 0.01 (use a stable log-softmax). */
    double loss(double[][] queries, double[][] keys, double temperature);

    /** The gradients of {@link #loss} with respect to both embedding matrices, as new arrays. */
    Gradients gradients(double[][] queries, double[][] keys, double temperature);
}
