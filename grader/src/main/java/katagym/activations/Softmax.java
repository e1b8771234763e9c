package katagym.activations;

/** Row-wise softmax over the last axis of a matrix {@code x[rows][cols]}. Kata {@code softmax}. */
public interface Softmax {
    /**
     * {@code y[r][j] = exp(x[r][j] - m_r) / sum_k exp(x[r][k] - m_r)} with {@code m_r} the maximum of
     * row r: finite and accurate for logits up to |x| = 1e3. Returns a new matrix; must not modify x.
     */
    double[][] forward(double[][] x);

    /**
     * The vector-Jacobian product, row by row: with {@code y = forward(x)},
     * {@code dx[r][j] = y[r][j] * (upstream[r][j] - sum_k upstream[r][k] * y[r][k])}.
     */
    double[][] backward(double[][] x, double[][] upstream);
}
