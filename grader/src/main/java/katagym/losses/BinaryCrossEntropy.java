package katagym.losses;

/**
 * Binary cross-entropy from logits with mean reduction: PyTorch's
 * {@code binary_cross_entropy_with_logits} / {@code BCEWithLogitsLoss()}. Kata {@code binary-cross-entropy}.
 */
public interface BinaryCrossEntropy {
    /**
     * {@code (1/n) * sum_i -[y_i log sigmoid(x_i) + (1 - y_i) log(1 - sigmoid(x_i))]} for logits
     * {@code x} and targets {@code y} in [0, 1] (usually exactly 0 or 1), {@code n >= 1}. Finite and
     * accurate (relative 1e-9) for any finite logit, |x| = 1e3 included. Must not modify its arguments.
     */
    double loss(double[] logits, double[] targets);

    /**
     * The gradient of {@link #loss} with respect to the logits, as a new array:
     * {@code dlogits[i] = (sigmoid(x_i) - y_i) / n}. Finite for any finite logit.
     */
    double[] gradient(double[] logits, double[] targets);
}
