package katagym.activations;

import katagym.NotImplementedYet;

/**
 * Kata {@code sigmoid}: the logistic function and its derivative.
 * Statement: katas/src/main/resources/statements/sigmoid.md ({@code ./kata show sigmoid}).
 */
public final class SigmoidKata implements Sigmoid {

    /**
     * Returns a new array with {@code y[i] = 1 / (1 + exp(-x[i]))}. Must stay finite and accurate
     * for |x| up to 1e3 and beyond, and must not modify {@code x}.
     */
    @Override
    public double[] forward(double[] x) {
        throw new NotImplementedYet("SigmoidKata.forward");
    }

    /** Returns {@code dx[i] = upstream[i] * y[i] * (1 - y[i])} where {@code y = forward(x)}. */
    @Override
    public double[] backward(double[] x, double[] upstream) {
        throw new NotImplementedYet("SigmoidKata.backward");
    }
}
