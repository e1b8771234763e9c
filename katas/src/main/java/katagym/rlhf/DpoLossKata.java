package katagym.rlhf;

import katagym.NotImplementedYet;

/**
 * Kata {@code dpo-loss}: direct preference optimisation (Rafailov et al. 2023), the loss and its
 * gradient with respect to the policy's sequence log-probabilities.
 * Statement: katas/src/main/resources/statements/dpo-loss.md ({@code ./kata show dpo-loss}).
 */
public final class DpoLossKata implements DpoLoss {

    /**
     * Returns the mean over pairs of {@code -log sigmoid(beta * ((pc - rc) - (pr - rr)))}, finite even
     * when the margin is in the thousands.
     */
    @Override
    public double loss(double[] policyChosen, double[] policyRejected,
                       double[] referenceChosen, double[] referenceRejected, double beta) {
        throw new NotImplementedYet("DpoLossKata.loss");
    }

    /** Returns new arrays: d loss / d policyChosen[i] and d loss / d policyRejected[i]. */
    @Override
    public Gradients gradient(double[] policyChosen, double[] policyRejected,
                              double[] referenceChosen, double[] referenceRejected, double beta) {
        throw new NotImplementedYet("DpoLossKata.gradient");
    }
}
