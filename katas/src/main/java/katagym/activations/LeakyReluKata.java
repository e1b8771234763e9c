package katagym.activations;

import katagym.NotImplementedYet;

/**
 * Kata {@code leaky-relu}: leaky ReLU with a negative-slope parameter, and its derivative.
 * Statement: katas/src/main/resources/statements/leaky-relu.md ({@code ./kata show leaky-relu}).
 */
public final class LeakyReluKata implements LeakyRelu {

    /**
     * Returns a new array with {@code y[i] = x[i]} where {@code x[i] >= 0}, else
     * {@code negativeSlope * x[i]}; must not modify {@code x}.
     */
    @Override
    public double[] forward(double[] x, double negativeSlope) {
        throw new NotImplementedYet("LeakyReluKata.forward");
    }

    /**
     * Returns {@code dx[i] = upstream[i]} where {@code x[i] > 0}, else {@code negativeSlope * upstream[i]}
     * (at exactly 0 the derivative is the slope, as in PyTorch).
     */
    @Override
    public double[] backward(double[] x, double[] upstream, double negativeSlope) {
        throw new NotImplementedYet("LeakyReluKata.backward");
    }
}
