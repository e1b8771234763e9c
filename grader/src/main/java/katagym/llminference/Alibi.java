package katagym.llminference;

import katagym.grader.spec.Clause;

/**
 * ALiBi, attention with linear biases (Press, Smith and Lewis 2022, "Train Short, Test Long"), as in
 * the authors' code and BLOOM. Kata {@code alibi}.
 *
 * <p>No position embeddings: head h adds {@code -m_h * (i - j)} to the score of query i for key j
 * (i, j positions 0..n-1), so attention decays linearly with distance, at a different rate per head.
 *
 * <p>Head slopes {@code m_0 .. m_{H-1}}: for H a power of two, the geometric sequence
 * {@code m_h = 2^(-8 (h + 1) / H)} (H = 8: 1/2, 1/4, ..., 1/256). For other H, with c the largest power
 * of two below H: the c slopes for c heads, followed by the first H - c of the slopes at even indices
 * 0, 2, 4, ... of the 2c-head sequence, i.e. {@code 2^(-4 (2t + 1) / c)} for t = 0 .. H - c - 1.
 */
@Clause(id = "newArrays", value = "Every method returns new arrays (no argument, no buffer reused between calls) and modifies none of its arguments.")
public interface Alibi {

    /** The H head slopes, H >= 1. */
    @Clause(id = "slopesPowerOfTwo", value = "For H a power of two, slopes(H)[h] = 2^(-8 (h + 1) / H): a geometric sequence from 2^(-8/H) down to 1/256.")
    @Clause(id = "slopesOtherH", value = "For other H, with c the largest power of two below H: slopes(c) followed by slopes(2c)[0], slopes(2c)[2], ... (H - c of them).")
    @Clause(id = "slopesRejects", value = "slopes throws IllegalArgumentException when heads < 1.")
    double[] slopes(int heads);

    /**
     * The causal bias matrix of one head, {@code [n][n]}: {@code -slope * (i - j)} for {@code j <= i}
     * (0 on the diagonal) and {@code Double.NEGATIVE_INFINITY} for {@code j > i} (the causal mask).
     * n = 0 gives an empty matrix.
     */
    @Clause(id = "biasValue", value = "bias(n, slope)[i][j] = -slope (i - j) for j <= i and -Infinity for j > i; n = 0 gives an empty matrix.")
    @Clause(id = "biasRejects", value = "bias throws IllegalArgumentException when n < 0.")
    double[][] bias(int n, double slope);

    /**
     * Causal multi-head attention with ALiBi. {@code q} and {@code k} are {@code [H][n][d]}, {@code v} is
     * {@code [H][n][dv]} (H, n, d >= 1); head h uses slopes(H)[h]:
     * {@code out[h][i] = sum_j softmax_j(q[h][i] . k[h][j] / sqrt(d) + bias(n, m_h)[i][j]) v[h][j]}.
     * The bias is NOT divided by sqrt(d). Returns {@code [H][n][dv]}.
     */
    @Clause(id = "attentionValue", value = "attention: per head h, softmax over j <= i of q_i . k_j / sqrt(d) - m_h (i - j), times v; the bias is added after the 1/sqrt(d) scaling, head h uses slopes(H)[h].")
    @Clause(id = "attentionStable", value = "attention is finite and accurate for scores q . k / sqrt(d) up to about 1e6 in magnitude (a stable softmax).")
    double[][][] attention(double[][][] q, double[][][] k, double[][][] v);
}
