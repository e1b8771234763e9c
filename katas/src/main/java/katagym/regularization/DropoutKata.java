package katagym.regularization;

import katagym.NotImplementedYet;

/**
 * Kata {@code dropout}: inverted and classic dropout, with the random draws given (unit i is kept
 * iff {@code u[i] >= p}). Statement: katas/src/main/resources/statements/dropout.md ({@code ./kata show dropout}).
 */
public final class DropoutKata implements Dropout {

    /** Returns {@code keep_i ? x[i] / (1 - p) : 0}, keep_i = u[i] >= p. */
    @Override
    public double[] invertedTrain(double[] x, double[] u, double p) {
        throw new NotImplementedYet("DropoutKata.invertedTrain");
    }

    /** Returns a copy of x. */
    @Override
    public double[] invertedEval(double[] x, double p) {
        throw new NotImplementedYet("DropoutKata.invertedEval");
    }

    /** Returns {@code keep_i ? upstream[i] / (1 - p) : 0} with the same draws u as the forward. */
    @Override
    public double[] invertedBackward(double[] upstream, double[] u, double p) {
        throw new NotImplementedYet("DropoutKata.invertedBackward");
    }

    /** Returns {@code keep_i ? x[i] : 0}: no scaling in training. */
    @Override
    public double[] classicTrain(double[] x, double[] u, double p) {
        throw new NotImplementedYet("DropoutKata.classicTrain");
    }

    /** Returns {@code (1 - p) * x[i]} for every i. */
    @Override
    public double[] classicInference(double[] x, double p) {
        throw new NotImplementedYet("DropoutKata.classicInference");
    }

    /** Returns {@code keep_i ? upstream[i] : 0} with the same draws u as the forward. */
    @Override
    public double[] classicBackward(double[] upstream, double[] u, double p) {
        throw new NotImplementedYet("DropoutKata.classicBackward");
    }
}
