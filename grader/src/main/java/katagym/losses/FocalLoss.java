package katagym.losses;

/**
 * Binary sigmoid focal loss (Lin et al., 2017) with torchvision's {@code sigmoid_focal_loss}
 * semantics and mean reduction. Kata {@code focal-loss}.
 *
 * <p>For a logit {@code x} and a label {@code y} that is exactly 0 or 1, with {@code p = sigmoid(x)}:
 * {@code p_t = p} if {@code y = 1} and {@code 1 - p} if {@code y = 0}; {@code ce = -log(p_t)} (the
 * binary cross-entropy from the logit); the element loss is {@code alpha_t * (1 - p_t)^gamma * ce}, where
 * {@code alpha_t = alpha} for {@code y = 1} and {@code 1 - alpha} for {@code y = 0} when
 * {@code alpha >= 0}, and {@code alpha_t = 1} when {@code alpha < 0} (weighting disabled, torchvision
 * passes {@code alpha = -1}). {@code gamma >= 0}; {@code (1 - p_t)^0 = 1}.
 */
public interface FocalLoss {
    /**
     * The mean of the element losses over the {@code n >= 1} elements. Finite and accurate for any finite
     * logit, |x| = 1e3 included. Must not modify its arguments.
     */
    double loss(double[] logits, double[] targets, double alpha, double gamma);

    /** The gradient of {@link #loss} with respect to the logits, as a new array. */
    double[] gradient(double[] logits, double[] targets, double alpha, double gamma);
}
