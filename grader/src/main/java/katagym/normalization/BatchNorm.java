package katagym.normalization;

import katagym.grader.spec.Clause;

/**
 * Batch normalization over the batch axis of {@code x[n][d]}, PyTorch's {@code nn.BatchNorm1d(d)}.
 * Kata {@code batch-norm}. Each feature (column) j is normalised on its own. No method modifies its
 * arguments; new arrays are returned.
 */
@Clause(id = "pure", value = "No method modifies its arguments (the running statistics passed in included).")
@Clause(id = "newArrays", value = "Every returned array is new: never an argument (runningMean and runningVar included, even with momentum 0), nor a buffer reused between calls.")
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
    @Clause(id = "trainValue", value = "forwardTrain normalises each COLUMN with the batch mean and the BIASED batch variance, eps inside the root.")
    @Clause(id = "runningStatistics", value = "runningMean' = (1 - momentum) * runningMean + momentum * mu and runningVar' = (1 - momentum) * runningVar + momentum * var * n / (n - 1), for any momentum in [0, 1].")
    TrainResult forwardTrain(double[][] x, double[] gamma, double[] beta, double[] runningMean, double[] runningVar,
                             double momentum, double eps);

    /** Eval mode: {@code y = gamma * (x - runningMean) / sqrt(runningVar + eps) + beta}; no batch statistics. */
    @Clause(id = "evalValue", value = "forwardEval uses runningMean and runningVar only: each row is normalised independently of the batch.")
    double[][] forwardEval(double[][] x, double[] gamma, double[] beta, double[] runningMean, double[] runningVar, double eps);

    /** The vector-Jacobian product of the TRAINING-mode output for {@code upstream[n][d]} = dL/dy. */
    @Clause(id = "backwardValue", value = "backward is the training-mode gradient: dx through the batch statistics, dgamma and dbeta summed over the rows.")
    Grads backward(double[][] x, double[] gamma, double[] beta, double eps, double[][] upstream);
}
