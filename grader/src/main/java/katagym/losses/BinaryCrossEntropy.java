package katagym.losses;

import katagym.grader.spec.Clause;

/**
 * Binary cross-entropy from logits with mean reduction: PyTorch's
 * {@code binary_cross_entropy_with_logits} / {@code BCEWithLogitsLoss()}. Kata {@code binary-cross-entropy}.
 */
@Clause(id = "pure", value = "Neither method modifies its arguments.")
public interface BinaryCrossEntropy {
    /**
     * {@code (1/n) * sum_i -[y_i log sigmoid(x_i) + (1 - y_i) log(1 - sigmoid(x_i))]} for logits
     * {@code x} and targets {@code y} in [0, 1] (usually exactly 0 or 1), {@code n >= 1}. Finite and
     * accurate (relative 1e-9, also when the loss is tiny) for any finite logit, |x| = 1e3 included. Must not modify its arguments.
     */
    @Clause(id = "lossValue", value = "loss = (1/n) * sum_i -[y_i log sigmoid(x_i) + (1 - y_i) log(1 - sigmoid(x_i))] for targets in [0, 1], soft ones included: the mean over the n >= 1 elements.")
    @Clause(id = "lossStable", value = "loss is finite and accurate to 1e-9 relative for any finite logit, |x| = 1e3 included; a confident right answer costs log1p(exp(-|x|)) (6e-16 at |x| = 35), not 0.")
    double loss(double[] logits, double[] targets);

    /**
     * The gradient of {@link #loss} with respect to the logits, as a new array:
     * {@code dlogits[i] = (sigmoid(x_i) - y_i) / n}. Finite for any finite logit.
     */
    @Clause(id = "gradientValue", value = "gradient[i] = (sigmoid(x_i) - y_i) / n.")
    @Clause(id = "gradientStable", value = "gradient is finite for any finite logit, |x| = 1e3 included.")
    @Clause(id = "gradientNewArray", value = "gradient returns a new array of length n: never one of the arguments, nor a buffer reused between calls.")
    double[] gradient(double[] logits, double[] targets);
}
