package katagym.activations;

import katagym.NotImplementedYet;

/**
 * Kata {@code tanh}: the hyperbolic tangent and its derivative.
 * Statement: katas/src/main/resources/statements/tanh.md ({@code ./kata show tanh}).
 */
public final class TanhKata implements Tanh {

    /**
     * Returns a new array with {@code y[i] = tanh(x[i])}, written from {@code Math.exp}. Must stay
     * finite and accurate for |x| up to 1e3 and beyond, and must not modify {@code x}.
     */
    @Override
    public double[] forward(double[] x) {
        throw new NotImplementedYet("TanhKata.forward");
    }

    /** Returns {@code dx[i] = upstream[i] * (1 - y[i]^2)} where {@code y = forward(x)}. */
    @Override
    public double[] backward(double[] x, double[] upstream) {
        throw new NotImplementedYet("TanhKata.backward");
    }
}
