package katagym.regularization;

/**
 * L1 and L2 penalties on a layer's weights, never on its biases. Kata {@code l1-l2-regularization}.
 * Neither method may modify its arguments.
 */
public interface L1L2Regularization {

    /**
     * {@code l1 * sum_i |w_i| + (l2 / 2) * sum_i w_i^2} over the weights only; the biases are passed
     * so that an implementation can (wrongly) be tempted to penalise them, and must not be.
     */
    double penalty(double[] weights, double[] biases, double l1, double l2);

    /**
     * The gradient of {@link #penalty}: {@code dWeights[i] = l1 * sign(w_i) + l2 * w_i} with the
     * subgradient {@code sign(0) = 0}; {@code dBiases} is all zeros, one entry per bias.
     */
    Gradients gradient(double[] weights, double[] biases, double l1, double l2);

    /** The two parts of the gradient, shaped like the weights and the biases. */
    record Gradients(double[] dWeights, double[] dBiases) {}
}
