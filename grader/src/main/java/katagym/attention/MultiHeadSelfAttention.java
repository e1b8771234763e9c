package katagym.attention;

import katagym.grader.spec.Clause;

/**
 * Batched multi-head self-attention with given weights (PyTorch Linear layout, weight
 * {@code [out][in]}). Kata {@code multi-head-self-attention}.
 */
@Clause(id = "newArray", value = "forward returns a new [batch][n][dModel] array (never a buffer reused between calls) and modifies none of its arguments.")
public interface MultiHeadSelfAttention {

    /**
     * {@code wq[dk][dModel]}, {@code wk[dk][dModel]}, {@code wv[dv][dModel]} (no biases),
     * {@code wo[dModel][dv]} and {@code bo[dModel]}; dk and dv are multiples of the head count.
     */
    record Weights(double[][] wq, double[][] wk, double[][] wv, double[][] wo, double[] bo) {}

    /**
     * {@code x[batch][n][dModel]}: q = x wq^T, k = x wk^T, v = x wv^T; head t takes the contiguous
     * columns {@code [t*dk/h, (t+1)*dk/h)} of q and k and {@code [t*dv/h, (t+1)*dv/h)} of v and runs
     * {@code softmax(q_t k_t^T / sqrt(dk/h) + mask) v_t} (causal: token i sees tokens j <= i); the
     * heads are concatenated in order and {@code out = concat wo^T + bo}. Returns
     * {@code [batch][n][dModel]}; modifies nothing. dk and dv may differ (and differ from dModel); n = 1 is allowed.
     */
    @Clause(id = "forwardValue", value = "out = concat(heads) wo^T + bo with q = x wq^T, k = x wk^T, v = x wv^T; bo is added once, not once per head.")
    @Clause(id = "headColumns", value = "Head t uses the contiguous columns [t*dk/h, (t+1)*dk/h) of q and k and [t*dv/h, (t+1)*dv/h) of v, and fills the same v columns of the concat; dk and dv may differ.")
    @Clause(id = "headScale", value = "Each head's scores are divided by sqrt(dk/h), the head's own width.")
    @Clause(id = "causalMask", value = "With causal, token i attends to tokens j <= i only (itself included).")
    @Clause(id = "batchIndependent", value = "Each sequence of the batch is processed independently of the others.")
    @Clause(id = "stable", value = "Finite and accurate for attention scores of magnitude 1e3.")
    double[][][] forward(double[][][] x, int numHeads, Weights w, boolean causal);
}
