package katagym.peft;

import katagym.grader.spec.Clause;

/**
 * A linear layer with a LoRA adapter (Hu et al. 2021). Kata {@code lora-linear}.
 *
 * <p>Shapes (PyTorch layout): input {@code x[n][in]}, frozen weight {@code w0[out][in]}, frozen bias
 * {@code bias[out]}, adapter {@code a[r][in]} and {@code b[out][r]} with rank {@code r = a.length},
 * scale {@code s = alpha / r}. No method modifies its arguments; each returns new arrays.
 */
@Clause(id = "pure", value = "No method modifies its arguments.")
@Clause(id = "newArrays", value = "Every method returns new arrays on every call: never an argument (not even w0 when b is zero) nor a buffer reused between calls.")
public interface LoraLinear {

    /** Gradients of the loss with respect to the two trainable matrices. */
    record Grads(double[][] dA, double[][] dB) {}

    /** {@code y = x w0^T + bias + (alpha / r) x a^T b^T}, shape {@code [n][out]}. */
    @Clause(id = "forwardValue", value = "forward = x w0^T + bias + (alpha / r) x a^T b^T, shape [n][out].")
    double[][] forward(double[][] x, double[][] w0, double[] bias, double[][] a, double[][] b, double alpha);

    /** The merged weight {@code w0 + (alpha / r) b a}, shape {@code [out][in]}: one matmul at inference. */
    @Clause(id = "mergeValue", value = "merge = w0 + (alpha / r) b a, shape [out][in].")
    double[][] merge(double[][] w0, double[][] a, double[][] b, double alpha);

    /** The inverse of {@link #merge}: {@code merged - (alpha / r) b a}, which gives back {@code w0}. */
    @Clause(id = "unmergeValue", value = "unmerge = merged - (alpha / r) b a, so unmerge(merge(w0)) gives w0 back.")
    double[][] unmerge(double[][] merged, double[][] a, double[][] b, double alpha);

    /**
     * Given {@code upstream = dL/dy} ({@code [n][out]}), returns {@code dA = (alpha / r) (upstream b)^T x}
     * ({@code [r][in]}) and {@code dB = (alpha / r) upstream^T (x a^T)} ({@code [out][r]}). The frozen
     * {@code w0} and {@code bias} get no gradient.
     */
    @Clause(id = "backwardValue", value = "backward gives dA = (alpha / r) (upstream b)^T x [r][in] and dB = (alpha / r) upstream^T (x a^T) [out][r].")
    Grads backward(double[][] x, double[][] a, double[][] b, double alpha, double[][] upstream);

    /** The number of trainable parameters of the adapter: {@code r (in + out)}, exact beyond {@code Integer.MAX_VALUE}. */
    @Clause(id = "trainableValue", value = "trainableParameters(in, out, r) = r (in + out) as a long, exact when it exceeds Integer.MAX_VALUE.")
    long trainableParameters(int in, int out, int r);
}
