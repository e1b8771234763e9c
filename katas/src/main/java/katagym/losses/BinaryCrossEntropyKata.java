package katagym.losses;

import katagym.NotImplementedYet;

/**
 * Kata {@code binary-cross-entropy}: BCE from logits, mean reduction, numerically stable, and its gradient.
 * Statement: katas/src/main/resources/statements/binary-cross-entropy.md ({@code ./kata show binary-cross-entropy}).
 */
public final class BinaryCrossEntropyKata implements BinaryCrossEntropy {

    /**
     * Returns the mean over i of {@code -[y log sigmoid(x) + (1 - y) log(1 - sigmoid(x))]}. Must stay
     * finite and accurate for |x| up to 1e3, and must not modify the arrays.
     */
    @Override
    public double loss(double[] logits, double[] targets) {
        throw new NotImplementedYet("BinaryCrossEntropyKata.loss");
    }

    /** Returns a new array with {@code (sigmoid(x[i]) - y[i]) / n}. */
    @Override
    public double[] gradient(double[] logits, double[] targets) {
        throw new NotImplementedYet("BinaryCrossEntropyKata.gradient");
    }
}
