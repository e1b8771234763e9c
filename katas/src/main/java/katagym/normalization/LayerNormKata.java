package katagym.normalization;

import katagym.NotImplementedYet;

/**
 * Kata {@code layer-norm}: layer normalization over the last dimension, forward and backward.
 * Statement: katas/src/main/resources/statements/layer-norm.md ({@code ./kata show layer-norm}).
 */
public final class LayerNormKata implements LayerNorm {

    /**
     * Returns {@code y[r][i] = gamma[i] * (x[r][i] - mu_r) / sqrt(var_r + eps) + beta[i]}, with the row's
     * mean and BIASED variance. Must not modify its arguments.
     */
    @Override
    public double[][] forward(double[][] x, double[] gamma, double[] beta, double eps) {
        throw new NotImplementedYet("LayerNormKata.forward");
    }

    /** Returns dx, dgamma, dbeta: the gradients of {@code <upstream, forward(x, gamma, beta, eps)>}. */
    @Override
    public Grads backward(double[][] x, double[] gamma, double[] beta, double eps, double[][] upstream) {
        throw new NotImplementedYet("LayerNormKata.backward");
    }
}
