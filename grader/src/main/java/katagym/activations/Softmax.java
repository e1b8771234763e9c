package katagym.activations;

import katagym.grader.spec.Clause;

/**
 * Row-wise softmax over the last axis of a matrix {@code x[rows][cols]} (at least one column; zero rows
 * allowed). Kata {@code softmax}.
 */
@Clause(id = "newArray", value = "Each method returns a new matrix (new outer array and new rows) of x's shape and never modifies its arguments.")
@Clause(id = "emptyInput", value = "A matrix with no rows gives a matrix with no rows (x[0] does not exist).")
public interface Softmax {
    /**
     * {@code y[r][j] = exp(x[r][j] - m_r) / sum_k exp(x[r][k] - m_r)} with {@code m_r} the maximum of
     * row r: finite and accurate for logits up to |x| = 1e3. Returns a new matrix; must not modify x.
     */
    @Clause(id = "forwardValue", value = "forward(x)[r][j] = exp(x[r][j]) / sum_k exp(x[r][k]), each row on its own: rows sum to 1, and a constant added to a row changes nothing.")
    @Clause(id = "forwardStable", value = "forward is finite and accurate for logits up to |x| = 1e3, each row however far its logits lie from the other rows'.")
    double[][] forward(double[][] x);

    /**
     * The vector-Jacobian product, row by row: with {@code y = forward(x)},
     * {@code dx[r][j] = y[r][j] * (upstream[r][j] - sum_k upstream[r][k] * y[r][k])}.
     */
    @Clause(id = "backwardValue", value = "backward(x, upstream)[r][j] = y[r][j] * (upstream[r][j] - sum_k upstream[r][k] y[r][k]) with y = forward(x).")
    @Clause(id = "backwardStable", value = "backward is finite for logits up to |x| = 1e3.")
    double[][] backward(double[][] x, double[][] upstream);
}
