package katagym.backprop;

import katagym.NotImplementedYet;

/**
 * Kata {@code mlp-backprop}: Linear - ReLU - Linear - mean cross-entropy, every gradient by hand.
 * Statement: katas/src/main/resources/statements/mlp-backprop.md ({@code ./kata show mlp-backprop}).
 */
public final class MlpBackpropKata implements MlpBackprop {

    /**
     * Runs the forward pass {@code z1 = x W1^T + b1, h = relu(z1), logits = h W2^T + b2} to the mean
     * cross-entropy against {@code targets}, then returns the loss and {@code dw1, db1, dw2, db2}
     * (each shaped like its parameter). Take relu'(0) = 0. Must not modify its arguments.
     */
    @Override
    public Result lossAndGradients(double[][] x, int[] targets, double[][] w1, double[] b1, double[][] w2, double[] b2) {
        throw new NotImplementedYet("MlpBackpropKata.lossAndGradients");
    }
}
