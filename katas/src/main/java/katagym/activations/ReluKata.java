package katagym.activations;

import katagym.NotImplementedYet;

/**
 * Kata {@code relu}: the rectified linear unit and its derivative.
 * Statement: katas/src/main/resources/statements/relu.md ({@code ./kata show relu}).
 */
public final class ReluKata implements Relu {

    /** Returns a new array with {@code y[i] = max(0, x[i])}; must not modify {@code x}. */
    @Override
    public double[] forward(double[] x) {
        throw new NotImplementedYet("ReluKata.forward");
    }

    /**
     * Returns {@code dx[i] = upstream[i]} where {@code x[i] > 0}, else 0 (the derivative at exactly 0
     * is 0, as in PyTorch).
     */
    @Override
    public double[] backward(double[] x, double[] upstream) {
        throw new NotImplementedYet("ReluKata.backward");
    }
}
