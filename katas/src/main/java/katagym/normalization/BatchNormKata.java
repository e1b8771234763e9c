package katagym.normalization;

import katagym.NotImplementedYet;

/**
 * Kata {@code batch-norm}: BatchNorm1d in training and eval mode, and its training-mode backward.
 * Statement: katas/src/main/resources/statements/batch-norm.md ({@code ./kata show batch-norm}).
 */
public final class BatchNormKata implements BatchNorm {

    /**
     * Normalises each column with the batch mean and BIASED batch variance, and returns the output with
     * the running statistics updated by momentum, the variance UNBIASED (times n / (n - 1)).
     */
    @Override
    public TrainResult forwardTrain(double[][] x, double[] gamma, double[] beta, double[] runningMean, double[] runningVar,
                                    double momentum, double eps) {
        throw new NotImplementedYet("BatchNormKata.forwardTrain");
    }

    /** Normalises each column with {@code runningMean} and {@code runningVar}: no batch statistics. */
    @Override
    public double[][] forwardEval(double[][] x, double[] gamma, double[] beta, double[] runningMean, double[] runningVar, double eps) {
        throw new NotImplementedYet("BatchNormKata.forwardEval");
    }

    /** Returns dx, dgamma, dbeta of {@code <upstream, y>} for the training-mode output y. */
    @Override
    public Grads backward(double[][] x, double[] gamma, double[] beta, double eps, double[][] upstream) {
        throw new NotImplementedYet("BatchNormKata.backward");
    }
}
