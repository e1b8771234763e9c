package katagym.activations;

/** Row-wise log-softmax over the last axis of a matrix {@code x[rows][cols]}. Kata {@code log-softmax}. */
public interface LogSoftmax {
    /**
     * {@code y[r][j] = x[r][j] - logsumexp(x[r])}, with {@code logsumexp(v) = m + log(sum_k exp(v[k] - m))}
     * and {@code m} the row maximum: finite and accurate for logits up to |x| = 1e3. Returns a new
     * matrix; must not modify x.
     */
    double[][] forward(double[][] x);

    /**
     * The vector-Jacobian product, row by row: with {@code p = softmax(x[r])},
     * {@code dx[r][j] = upstream[r][j] - p[j] * sum_k upstream[r][k]}.
     */
    double[][] backward(double[][] x, double[][] upstream);
}
