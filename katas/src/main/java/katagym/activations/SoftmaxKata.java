package katagym.activations;

import katagym.NotImplementedYet;

/**
 * Kata {@code softmax}: row-wise softmax, numerically stable, and its vector-Jacobian product.
 * Statement: katas/src/main/resources/statements/softmax.md ({@code ./kata show softmax}).
 */
public final class SoftmaxKata implements Softmax {

    /**
     * Returns a new matrix whose row r is the softmax of {@code x[r]} (subtract the row's max first).
     * Must stay finite and accurate for |x| up to 1e3, and must not modify {@code x}.
     */
    @Override
    public double[][] forward(double[][] x) {
        throw new NotImplementedYet("SoftmaxKata.forward");
    }

    /** Returns {@code dx[r][j] = y[r][j] * (upstream[r][j] - sum_k upstream[r][k] y[r][k])}, {@code y = forward(x)}. */
    @Override
    public double[][] backward(double[][] x, double[][] upstream) {
        throw new NotImplementedYet("SoftmaxKata.backward");
    }
}
