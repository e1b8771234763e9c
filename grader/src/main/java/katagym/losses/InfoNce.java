package katagym.losses;

import katagym.grader.spec.Clause;

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
@Clause(id = "pure", value = "No method modifies its arguments.")
@Clause(id = "anyNorm", value = "Any nonzero row is valid, norms of 1e-6 and 1e3 included: cos uses the exact norm, no epsilon.")
public interface InfoNce {
    /** The gradients of the loss with respect to the queries and the keys, each {@code [N][D]}. */
    record Gradients(double[][] dqueries, double[][] dkeys) {}

    /** The InfoNCE loss; finite for temperatures down to 1e-3 (use a stable log-softmax). */
    @Clause(id = "lossValue", value = "loss = (1/N) sum_i -log_softmax(s[i])[i] with s[i][j] = cos(q_i, k_j) / temperature: query i's positive is key i.")
    @Clause(id = "lossStable", value = "loss is finite and accurate for temperatures down to 1e-3 (exp(1 / temperature) overflows there).")
    double loss(double[][] queries, double[][] keys, double temperature);

    /** The gradients of {@link #loss} with respect to both embedding matrices, as new arrays; finite for temperatures down to 1e-3. */
    @Clause(id = "gradientsValue", value = "gradients are dloss/dqueries and dloss/dkeys, each [N][D]: every key is the positive of its row and a negative of all others.")
    @Clause(id = "gradientsStable", value = "gradients are finite for temperatures down to 1e-3.")
    @Clause(id = "gradientsNewArrays", value = "dqueries and dkeys are new arrays: never an argument's, nor buffers reused between calls.")
    Gradients gradients(double[][] queries, double[][] keys, double temperature);
}
