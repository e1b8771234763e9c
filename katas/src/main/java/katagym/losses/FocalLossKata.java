package katagym.losses;

import katagym.NotImplementedYet;

/**
 * Kata {@code focal-loss}: binary sigmoid focal loss (torchvision semantics, mean) and its gradient.
 * Statement: katas/src/main/resources/statements/focal-loss.md ({@code ./kata show focal-loss}).
 */
public final class FocalLossKata implements FocalLoss {

    /**
     * Returns the mean over i of {@code alpha_t * (1 - p_t)^gamma * (-log p_t)}, with p_t the probability
     * the model gives to the true label and alpha_t = alpha for positives, 1 - alpha for negatives, 1 when
     * alpha < 0. Stable for |x| up to 1e3; must not modify its arguments.
     */
    @Override
    public double loss(double[] logits, double[] targets, double alpha, double gamma) {
        throw new NotImplementedYet("FocalLossKata.loss");
    }

    /** Returns a new array with d loss / d logits[i]; the modulating factor depends on x too. */
    @Override
    public double[] gradient(double[] logits, double[] targets, double alpha, double gamma) {
        throw new NotImplementedYet("FocalLossKata.gradient");
    }
}
