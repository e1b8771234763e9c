package katagym.normalization;

import katagym.grader.spec.Clause;

/**
 * Layer normalization over the last dimension, PyTorch's {@code nn.LayerNorm(d)}. Kata {@code layer-norm}.
 * For each row r of {@code x[n][d]}: {@code mu = mean(x[r])}, {@code var = mean((x[r] - mu)^2)} (BIASED,
 * divide by d), {@code xhat = (x[r] - mu) / sqrt(var + eps)}, {@code y[r] = gamma * xhat + beta}.
 * PyTorch's default eps is 1e-5. Neither method may modify its arguments.
 */
@Clause(id = "pure", value = "Neither method modifies its arguments.")
public interface LayerNorm {

    /** Gradients of {@code <upstream, y>}: {@code dx[n][d]}, {@code dgamma[d]}, {@code dbeta[d]}. */
    record Grads(double[][] dx, double[] dgamma, double[] dbeta) {}

    @Clause(id = "forwardValue", value = "Each ROW is normalised with its mean and its BIASED variance (divide by d), eps inside the square root: y = gamma * (x - mu) / sqrt(var + eps) + beta; d = 1 gives y = beta.")
    @Clause(id = "forwardStable", value = "forward and backward stay accurate for rows far from zero (around 1e7): the variance is computed after the mean.")
    @Clause(id = "forwardNewArray", value = "forward returns a new [n][d] array: never an argument's, nor a buffer reused between calls.")
    double[][] forward(double[][] x, double[] gamma, double[] beta, double eps);

    /** The vector-Jacobian product for {@code upstream[n][d]} = dL/dy. */
    @Clause(id = "backwardValue", value = "backward gives dx (mu and var depend on every x of the row), dgamma = sum over rows of upstream * xhat, dbeta = sum over rows of upstream.")
    @Clause(id = "backwardNewArrays", value = "dx, dgamma and dbeta are new arrays: never an argument (nor a row of one), nor buffers reused between calls.")
    Grads backward(double[][] x, double[] gamma, double[] beta, double eps, double[][] upstream);
}
