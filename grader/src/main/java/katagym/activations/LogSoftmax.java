package katagym.activations;

import katagym.grader.spec.Clause;

/**
 * Row-wise log-softmax over the last axis of a matrix {@code x[rows][cols]} (at least one column; zero
 * rows allowed). Kata {@code log-softmax}.
 */
@Clause(id = "newArray", value = "Each method returns a new matrix (new outer array and new rows) of x's shape and never modifies its arguments.")
@Clause(id = "emptyInput", value = "A matrix with no rows gives a matrix with no rows (x[0] does not exist).")
public interface LogSoftmax {
    /**
     * {@code y[r][j] = x[r][j] - logsumexp(x[r])}, with {@code logsumexp(v) = m + log(sum_k exp(v[k] - m))}
     * and {@code m} the row maximum: finite and accurate for logits up to |x| = 1e3. Returns a new
     * matrix; must not modify x.
     */
    @Clause(id = "forwardValue", value = "forward(x)[r][j] = x[r][j] - log(sum_k exp(x[r][k])), each row on its own: exp of a row sums to 1, entries are <= 0, a constant added to a row changes nothing.")
    @Clause(id = "forwardStable", value = "forward is finite and accurate for logits up to |x| = 1e3, each row however far its logits lie from the other rows'.")
    double[][] forward(double[][] x);

    /**
     * The vector-Jacobian product, row by row: with {@code p = softmax(x[r])},
     * {@code dx[r][j] = upstream[r][j] - p[j] * sum_k upstream[r][k]}.
     */
    @Clause(id = "backwardValue", value = "backward(x, upstream)[r][j] = upstream[r][j] - softmax(x[r])[j] * sum_k upstream[r][k].")
    @Clause(id = "backwardStable", value = "backward is finite for logits up to |x| = 1e3.")
    double[][] backward(double[][] x, double[][] upstream);
}
