package katagym.losses;

import katagym.NotImplementedYet;

/**
 * Kata {@code mse}: mean squared error and its gradient.
 * Statement: katas/src/main/resources/statements/mse.md ({@code ./kata show mse}).
 */
public final class MseKata implements Mse {

    /** Returns the mean over all elements of {@code (prediction[i] - target[i])^2}. Must not modify the arrays. */
    @Override
    public double loss(double[] prediction, double[] target) {
        throw new NotImplementedYet("MseKata.loss");
    }

    /** Returns a new array with {@code d loss / d prediction[i] = 2 * (prediction[i] - target[i]) / n}. */
    @Override
    public double[] gradient(double[] prediction, double[] target) {
        throw new NotImplementedYet("MseKata.gradient");
    }
}
