package katagym.attention;

/**
 * Batched multi-head self-attention with given weights (PyTorch Linear layout, weight
 * {@code [out][in]}). Kata {@code multi-head-self-attention}.
 */
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
     * {@code [batch][n][dModel]}; modifies nothing.
     */
    double[][][] forward(double[][][] x, int numHeads, Weights w, boolean causal);
}
