package katagym.normalization;

/**
 * Batch normalization over the batch axis of {@code x[n][d]}, PyTorch's {@code nn.BatchNorm1d(d)}.
 * Kata {@code batch-norm}. Each feature (column) j is normalised on its own. No method modifies its
 * arguments; new arrays are returned.
 */
public interface BatchNorm {

    /** The training output and the UPDATED running statistics. */
    record TrainResult(double[][] y, double[] runningMean, double[] runningVar) {}

    /** Gradients of {@code <upstream, y>} in training mode: {@code dx[n][d]}, {@code dgamma[d]}, {@code dbeta[d]}. */
    record Grads(double[][] dx, double[] dgamma, double[] dbeta) {}

    /**
     * Training mode ({@code n >= 2}): per column j, {@code mu = mean_r x[r][j]}, {@code var = mean_r (x[r][j] - mu)^2}
     * (BIASED), {@code y = gamma * (x - mu) / sqrt(var + eps) + beta}; and the running statistics
     * {@code runningMean' = (1 - momentum) * runningMean + momentum * mu},
     * {@code runningVar' = (1 - momentum) * runningVar + momentum * var * n / (n - 1)} (UNBIASED).
     */
    TrainResult forwardTrain(double[][] x, double[] gamma, double[] beta, double[] runningMean, double[] runningVar,
                             double momentum, double eps);

    /** Eval mode: {@code y = gamma * (x - runningMean) / sqrt(runningVar + eps) + beta}; no batch statistics. */
    double[][] forwardEval(double[][] x, double[] gamma, double[] beta, double[] runningMean, double[] runningVar, double eps);

    /** The vector-Jacobian product of the TRAINING-mode output for {@code upstream[n][d]} = dL/dy. */
    Grads backward(double[][] x, double[] gamma, double[] beta, double eps, double[][] upstream);
}
