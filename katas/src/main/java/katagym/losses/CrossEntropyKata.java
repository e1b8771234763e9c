package katagym.losses;

import katagym.NotImplementedYet;

/**
 * Kata {@code cross-entropy}: multi-class cross-entropy from logits with PyTorch's label smoothing,
 * mean over the batch, and its gradient.
 * Statement: katas/src/main/resources/statements/cross-entropy.md ({@code ./kata show cross-entropy}).
 */
public final class CrossEntropyKata implements CrossEntropy {

    /**
     * Returns the mean over rows of {@code -sum_c q[c] log_softmax(logits[i])[c]} with
     * {@code q = (1 - eps) * onehot(targets[i]) + eps / C}. Stable for |logits| up to 1e3; must not
     * modify its arguments.
     */
    @Override
    public double loss(double[][] logits, int[] targets, double labelSmoothing) {
        throw new NotImplementedYet("CrossEntropyKata.loss");
    }

    /** Returns a new array with {@code (softmax(logits[i])[c] - q[c]) / N}. */
    @Override
    public double[][] gradient(double[][] logits, int[] targets, double labelSmoothing) {
        throw new NotImplementedYet("CrossEntropyKata.gradient");
    }
}
