package katagym.normalization;

/**
 * RMSNorm (Zhang & Sennrich 2019; LLaMA, T5) over the last dimension. Kata {@code rms-norm}.
 * For each row r of {@code x[n][d]}: {@code ms = mean_i x[r][i]^2},
 * {@code y[r][i] = x[r][i] / sqrt(ms + eps) * gamma[i]}. No mean subtraction, no bias.
 * Neither method may modify its arguments.
 */
public interface RmsNorm {

    /** Gradients of {@code <upstream, y>}: {@code dx[n][d]} and {@code dgamma[d]}. */
    record Grads(double[][] dx, double[] dgamma) {}

    double[][] forward(double[][] x, double[] gamma, double eps);

    /** The vector-Jacobian product for {@code upstream[n][d]} = dL/dy. */
    Grads backward(double[][] x, double[] gamma, double eps, double[][] upstream);
}
