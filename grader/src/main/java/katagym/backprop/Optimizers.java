package katagym.backprop;

import katagym.grader.spec.Clause;

/**
 * One step of SGD with momentum, Adam and AdamW, exactly as PyTorch 1.13 takes it ({@code torch.optim}).
 * Kata {@code optimizers}. The optimizer state is passed in and a NEW state is returned; nothing
 * passed in is modified.
 */
@Clause(id = "newState", value = "Each step returns a new state whose arrays are new (never the caller's grad, params or state arrays) and modifies nothing passed in.")
@Clause(id = "stepCount", value = "Each step returns the step count plus one.")
public interface Optimizers {

    /** {@code torch.optim.SGD} hyper-parameters; {@code momentum > 0}; {@code nesterov} only with {@code dampening == 0}. */
    record Sgd(double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {}

    /** {@code torch.optim.Adam} / {@code AdamW} hyper-parameters (no amsgrad). */
    record Adam(double lr, double beta1, double beta2, double eps, double weightDecay) {}

    /** SGD state: how many steps were taken, the parameters, the momentum buffer (ignored while {@code step == 0}). */
    record SgdState(int step, double[] params, double[] buffer) {
        public static SgdState initial(double[] params) {
            return new SgdState(0, params.clone(), new double[params.length]);
        }
    }

    /** Adam state: how many steps were taken, the parameters, the first and second moment estimates. */
    record AdamState(int step, double[] params, double[] m, double[] v) {
        public static AdamState initial(double[] params) {
            return new AdamState(0, params.clone(), new double[params.length], new double[params.length]);
        }
    }

    /**
     * <pre>
     * d   = grad + weightDecay * p
     * buf = (step == 0) ? d : momentum * buf + (1 - dampening) * d      // the first step copies d: no dampening
     * u   = nesterov ? d + momentum * buf : buf
     * p   = p - lr * u
     * </pre>
     * Returns {@code SgdState(step + 1, p, buf)}.
     */
    @Clause(id = "sgdRule", value = "sgdStep: d = grad + weightDecay p; buf = momentum buf + (1 - dampening) d; u = nesterov ? d + momentum buf : buf; p -= lr u.")
    @Clause(id = "sgdFirstStep", value = "The first SGD step (step == 0, decided by the count, not by the buffer's contents) sets buf = d exactly: no dampening; a zero first gradient still counts as the first step.")
    SgdState sgdStep(SgdState state, double[] grad, Sgd hyper);

    /**
     * With {@code t = step + 1}:
     * <pre>
     * d = grad + weightDecay * p                      // L2 through the gradient
     * m = beta1 * m + (1 - beta1) * d
     * v = beta2 * v + (1 - beta2) * d * d
     * p = p - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
     * </pre>
     * Returns {@code AdamState(t, p, m, v)}.
     */
    @Clause(id = "adamRule", value = "adamStep: d = grad + weightDecay p feeds m and v; p -= lr mhat / (sqrt(vhat) + eps), eps after the square root.")
    @Clause(id = "biasCorrection", value = "Bias correction uses t = step + 1: mhat = m / (1 - beta1^t), vhat = v / (1 - beta2^t), so the very first step is well defined.")
    @Clause(id = "zeroGradientEntries", value = "Entries whose gradient is exactly 0 are updated like any other: m and v decay and p moves by the remaining momentum.")
    AdamState adamStep(AdamState state, double[] grad, Adam hyper);

    /**
     * Decoupled weight decay: first {@code p = p * (1 - lr * weightDecay)}, then the Adam update above
     * with {@code d = grad} (the decay never enters m or v). Returns {@code AdamState(t, p, m, v)}.
     */
    @Clause(id = "adamwRule", value = "adamwStep: p = p (1 - lr weightDecay) BEFORE the Adam update with d = grad; the decay never enters m or v.")
    AdamState adamwStep(AdamState state, double[] grad, Adam hyper);
}
