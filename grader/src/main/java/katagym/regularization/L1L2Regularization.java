package katagym.regularization;

import katagym.grader.spec.Clause;

/**
 * L1 and L2 penalties on a layer's weights, never on its biases. Kata {@code l1-l2-regularization}.
 * Neither method may modify its arguments.
 */
@Clause(id = "newArray", value = "gradient returns new arrays in every call (never an argument, nor an array handed out by an earlier call); neither method modifies its arguments.")
@Clause(id = "emptyInput", value = "Empty biases (a layer without bias) give empty dBiases; empty weights give penalty 0 and empty dWeights.")
@Clause(id = "anyStrength", value = "l1 and l2 may be any non-negative numbers, 0 included.")
public interface L1L2Regularization {

    /**
     * {@code l1 * sum_i |w_i| + (l2 / 2) * sum_i w_i^2} over the weights only; the biases are passed
     * so that an implementation can (wrongly) be tempted to penalise them, and must not be.
     */
    @Clause(id = "penaltyValue", value = "penalty = l1 * sum_i |w_i| + (l2 / 2) * sum_i w_i^2 over the weights.")
    @Clause(id = "biasesNotPenalised", value = "The biases never change the penalty, and dBiases is all exactly 0, one entry per bias.")
    double penalty(double[] weights, double[] biases, double l1, double l2);

    /**
     * The gradient of {@link #penalty}: {@code dWeights[i] = l1 * sign(w_i) + l2 * w_i} with the
     * subgradient {@code sign(0) = 0}; {@code dBiases} is all zeros, one entry per bias.
     */
    @Clause(id = "gradientValue", value = "dWeights[i] = l1 * sign(w_i) + l2 * w_i.")
    @Clause(id = "signOfZero", value = "The L1 subgradient at w_i = 0 is 0 (sign(0) = 0), for either sign of zero.")
    Gradients gradient(double[] weights, double[] biases, double l1, double l2);

    /** The two parts of the gradient, shaped like the weights and the biases. */
    record Gradients(double[] dWeights, double[] dBiases) {}
}
