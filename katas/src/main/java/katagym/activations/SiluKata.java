package katagym.activations;

import katagym.NotImplementedYet;

/**
 * Kata {@code silu}: SiLU / Swish-1, {@code x * sigmoid(x)}, and its derivative.
 * Statement: katas/src/main/resources/statements/silu.md ({@code ./kata show silu}).
 */
public final class SiluKata implements Silu {

    /**
     * Returns a new array with {@code y[i] = x[i] * sigmoid(x[i])}. Must stay finite and accurate for
     * |x| up to 1e3, and must not modify {@code x}.
     */
    @Override
    public double[] forward(double[] x) {
        throw new NotImplementedYet("SiluKata.forward");
    }

    /** Returns {@code dx[i] = upstream[i] * (s + x[i] * s * (1 - s))} with {@code s = sigmoid(x[i])}. */
    @Override
    public double[] backward(double[] x, double[] upstream) {
        throw new NotImplementedYet("SiluKata.backward");
    }
}
