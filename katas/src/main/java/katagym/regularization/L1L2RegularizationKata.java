package katagym.regularization;

import katagym.NotImplementedYet;

/**
 * Kata {@code l1-l2-regularization}: the L1 and L2 penalties a trainer adds to the loss, and their
 * gradient, applied to the weights and never to the biases.
 * Statement: katas/src/main/resources/statements/l1-l2-regularization.md ({@code ./kata show l1-l2-regularization}).
 */
public final class L1L2RegularizationKata implements L1L2Regularization {

    /** Returns {@code l1 * sum|w| + (l2 / 2) * sum w^2} over {@code weights}; biases are not penalised. */
    @Override
    public double penalty(double[] weights, double[] biases, double l1, double l2) {
        throw new NotImplementedYet("L1L2RegularizationKata.penalty");
    }

    /**
     * Returns new arrays: {@code dWeights[i] = l1 * sign(w_i) + l2 * w_i} (with sign(0) = 0) and
     * {@code dBiases} all zeros, as long as {@code biases}.
     */
    @Override
    public Gradients gradient(double[] weights, double[] biases, double l1, double l2) {
        throw new NotImplementedYet("L1L2RegularizationKata.gradient");
    }
}
