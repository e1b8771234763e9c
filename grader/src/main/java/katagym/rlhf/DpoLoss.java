package katagym.rlhf;

import katagym.grader.spec.Clause;

/**
 * The DPO loss over a batch of N preference pairs. Kata {@code dpo-loss}. Each array holds one
 * sequence log-probability per pair (the sum of the response's token log-probs): under the policy
 * and under the frozen reference model, for the chosen (preferred) and the rejected response.
 * Neither method may modify its arguments.
 */
@Clause(id = "pure", value = "Neither method modifies its arguments.")
@Clause(id = "stable", value = "For log-probs in [-1e3, 0] and beta in (0, 2], loss and gradient are finite and accurate to 1e-9 relative down to 1e-300 (a margin of 40 gives a loss of 4.2e-18, not 0).")
public interface DpoLoss {

    /**
     * The mean over pairs of {@code -log sigmoid(beta * ((policyChosen - referenceChosen) -
     * (policyRejected - referenceRejected)))}; for log-probs in [-1e3, 0] and beta in (0, 2], finite and
     * accurate to 1e-9 relative (down to 1e-300), however small the loss.
     */
    @Clause(id = "lossValue", value = "loss is the mean over pairs of -log sigmoid(beta ((pc - rc) - (pr - rr))).")
    double loss(double[] policyChosen, double[] policyRejected,
                double[] referenceChosen, double[] referenceRejected, double beta);

    /**
     * The gradient of {@link #loss} with respect to the policy log-probs (the reference is frozen): two
     * new arrays on every call, accurate to 1e-9 relative (down to 1e-300) in the same range as the loss.
     */
    @Clause(id = "gradientValue", value = "gradient gives d loss / d policyChosen and d loss / d policyRejected, each of length N.")
    @Clause(id = "gradientNewArrays", value = "gradient returns new arrays on every call (not an argument, not a buffer reused between calls).")
    Gradients gradient(double[] policyChosen, double[] policyRejected,
                       double[] referenceChosen, double[] referenceRejected, double beta);

    /** d loss / d policyChosen and d loss / d policyRejected, each of length N. */
    record Gradients(double[] dPolicyChosen, double[] dPolicyRejected) {}
}
