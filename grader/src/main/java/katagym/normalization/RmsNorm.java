package katagym.normalization;

import katagym.grader.spec.Clause;

/**
 * RMSNorm (Zhang & Sennrich 2019; LLaMA, T5) over the last dimension. Kata {@code rms-norm}.
 * For each row r of {@code x[n][d]}: {@code ms = mean_i x[r][i]^2},
 * {@code y[r][i] = x[r][i] / sqrt(ms + eps) * gamma[i]}. No mean subtraction, no bias.
 * Neither method may modify its arguments.
 */
@Clause(id = "pure", value = "Neither method modifies its arguments.")
public interface RmsNorm {

    /** Gradients of {@code <upstream, y>}: {@code dx[n][d]} and {@code dgamma[d]}. */
    record Grads(double[][] dx, double[] dgamma) {}

    @Clause(id = "forwardValue", value = "y[r][i] = x[r][i] / sqrt(mean_i x[r][i]^2 + eps) * gamma[i]: the MEAN of the squares, eps inside the root, no centring, no bias.")
    @Clause(id = "forwardNewArray", value = "forward returns a new [n][d] array: never an argument's, nor a buffer reused between calls.")
    double[][] forward(double[][] x, double[] gamma, double eps);

    /** The vector-Jacobian product for {@code upstream[n][d]} = dL/dy. */
    @Clause(id = "backwardValue", value = "backward gives dx (the RMS depends on every x of the row) and dgamma = sum over rows of upstream * x * rinv.")
    @Clause(id = "backwardNewArrays", value = "dx and dgamma are new arrays: never an argument's, nor buffers reused between calls.")
    Grads backward(double[][] x, double[] gamma, double eps, double[][] upstream);
}
