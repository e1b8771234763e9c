package katagym.rlhf;

/**
 * The DPO loss over a batch of N preference pairs. Kata {@code dpo-loss}. Each array holds one
 * sequence log-probability per pair (the sum of the response's token log-probs): under the policy
 * and under the frozen reference model, for the chosen (preferred) and the rejected response.
 * Neither method may modify its arguments.
 */
public interface DpoLoss {

    /**
     * The mean over pairs of {@code -log sigmoid(beta * ((policyChosen - referenceChosen) -
     * (policyRejected - referenceRejected)))}; finite for any finite inputs.
     */
    double loss(double[] policyChosen, double[] policyRejected,
                double[] referenceChosen, double[] referenceRejected, double beta);

    /** The gradient of {@link #loss} with respect to the policy log-probs (the reference is frozen). */
    Gradients gradient(double[] policyChosen, double[] policyRejected,
                       double[] referenceChosen, double[] referenceRejected, double beta);

    /** d loss / d policyChosen and d loss / d policyRejected, each of length N. */
    record Gradients(double[] dPolicyChosen, double[] dPolicyRejected) {}
}
