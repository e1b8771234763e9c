package katagym.normalization;

/**
 * Layer normalization over the last dimension, PyTorch's {@code nn.LayerNorm(d)}. Kata {@code layer-norm}.
 * For each row r of {@code x[n][d]}: {@code mu = mean(x[r])}, {@code var = mean((x[r] - mu)^2)} (BIASED,
 * divide by d), {@code xhat = (x[r] - mu) / sqrt(var + eps)}, {@code y[r] = gamma * xhat + beta}.
 * PyTorch's default eps is 1e-5. Neither method may modify its arguments.
 */
public interface LayerNorm {

    /** Gradients of {@code <upstream, y>}: {@code dx[n][d]}, {@code dgamma[d]}, {@code dbeta[d]}. */
    record Grads(double[][] dx, double[] dgamma, double[] dbeta) {}

    double[][] forward(double[][] x, double[] gamma, double[] beta, double eps);

    /** The vector-Jacobian product for {@code upstream[n][d]} = dL/dy. */
    Grads backward(double[][] x, double[] gamma, double[] beta, double eps, double[][] upstream);
}
