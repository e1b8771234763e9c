package katagym.activations;

import katagym.NotImplementedYet;

/**
 * Kata {@code log-softmax}: row-wise log-softmax via log-sum-exp, and its vector-Jacobian product.
 * Statement: katas/src/main/resources/statements/log-softmax.md ({@code ./kata show log-softmax}).
 */
public final class LogSoftmaxKata implements LogSoftmax {

    /**
     * Returns a new matrix with {@code y[r][j] = x[r][j] - logsumexp(x[r])}, the log-sum-exp taken with
     * the row's max subtracted. Must stay finite and accurate for |x| up to 1e3; must not modify {@code x}.
     */
    @Override
    public double[][] forward(double[][] x) {
        throw new NotImplementedYet("LogSoftmaxKata.forward");
    }

    /** Returns {@code dx[r][j] = upstream[r][j] - softmax(x[r])[j] * sum_k upstream[r][k]}. */
    @Override
    public double[][] backward(double[][] x, double[][] upstream) {
        throw new NotImplementedYet("LogSoftmaxKata.backward");
    }
}
