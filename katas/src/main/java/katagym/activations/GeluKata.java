package katagym.activations;

import katagym.NotImplementedYet;

/**
 * Kata {@code gelu}: GELU in its exact (erf) form and its tanh approximation, with both derivatives.
 * An accurate {@code erf} is given: call {@link Gelu#erf(double)}.
 * Statement: katas/src/main/resources/statements/gelu.md ({@code ./kata show gelu}).
 */
public final class GeluKata implements Gelu {

    /** Returns a new array with {@code y[i] = 0.5 x (1 + erf(x / sqrt 2))}; must not modify {@code x}. */
    @Override
    public double[] forward(double[] x) {
        throw new NotImplementedYet("GeluKata.forward");
    }

    /** Returns {@code dx[i] = upstream[i] * (Phi(x) + x phi(x))}, {@code phi(x) = exp(-x^2/2) / sqrt(2 pi)}. */
    @Override
    public double[] backward(double[] x, double[] upstream) {
        throw new NotImplementedYet("GeluKata.backward");
    }

    /** Returns a new array with {@code y[i] = 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}. */
    @Override
    public double[] forwardTanh(double[] x) {
        throw new NotImplementedYet("GeluKata.forwardTanh");
    }

    /** Returns {@code upstream[i]} times the derivative of {@link #forwardTanh} at {@code x[i]}. */
    @Override
    public double[] backwardTanh(double[] x, double[] upstream) {
        throw new NotImplementedYet("GeluKata.backwardTanh");
    }
}
