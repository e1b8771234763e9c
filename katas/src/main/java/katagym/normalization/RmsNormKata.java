package katagym.normalization;

import katagym.NotImplementedYet;

/**
 * Kata {@code rms-norm}: RMSNorm over the last dimension, forward and backward.
 * Statement: katas/src/main/resources/statements/rms-norm.md ({@code ./kata show rms-norm}).
 */
public final class RmsNormKata implements RmsNorm {

    /** Returns {@code y[r][i] = x[r][i] / sqrt(mean_k x[r][k]^2 + eps) * gamma[i]}. Must not modify its arguments. */
    @Override
    public double[][] forward(double[][] x, double[] gamma, double eps) {
        throw new NotImplementedYet("RmsNormKata.forward");
    }

    /** Returns dx and dgamma: the gradients of {@code <upstream, forward(x, gamma, eps)>}. */
    @Override
    public Grads backward(double[][] x, double[] gamma, double eps, double[][] upstream) {
        throw new NotImplementedYet("RmsNormKata.backward");
    }
}
