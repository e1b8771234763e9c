package katagym.losses;

import katagym.grader.spec.Clause;

/**
 * Binary sigmoid focal loss (Lin et al., 2017) with torchvision's {@code sigmoid_focal_loss}
 * semantics and mean reduction. Kata {@code focal-loss}.
 *
 * <p>For a logit {@code x} and a label {@code y} that is exactly 0 or 1, with {@code p = sigmoid(x)}:
 * {@code p_t = p} if {@code y = 1} and {@code 1 - p} if {@code y = 0}; {@code ce = -log(p_t)} (the
 * binary cross-entropy from the logit); the element loss is {@code alpha_t * (1 - p_t)^gamma * ce}, where
 * {@code alpha_t = alpha} for {@code y = 1} and {@code 1 - alpha} for {@code y = 0} when
 * {@code alpha >= 0}, and {@code alpha_t = 1} when {@code alpha < 0}, any negative value (weighting disabled, torchvision
 * passes {@code alpha = -1}). {@code gamma >= 0}; {@code (1 - p_t)^0 = 1}.
 */
@Clause(id = "pure", value = "Neither method modifies its arguments.")
@Clause(id = "alphaWeighting", value = "alpha_t = alpha for y = 1 and 1 - alpha for y = 0 when alpha >= 0 (alpha = 0 and 1 included); EVERY negative alpha, not only -1, disables the weighting (alpha_t = 1).")
@Clause(id = "gammaRange", value = "Any gamma >= 0 is valid, fractional ones included; (1 - p_t)^0 = 1.")
public interface FocalLoss {
    /**
     * The mean of the element losses over the {@code n >= 1} elements. Finite and accurate for any finite
     * logit, |x| = 1e3 included. Must not modify its arguments.
     */
    @Clause(id = "lossValue", value = "loss = (1/n) * sum_i alpha_t (1 - p_t)^gamma * (-log p_t), p_t = sigmoid(x) for y = 1 and 1 - sigmoid(x) for y = 0: the mean over the n elements.")
    @Clause(id = "lossStable", value = "loss is finite and accurate for any finite logit, |x| = 1e3 included.")
    double loss(double[] logits, double[] targets, double alpha, double gamma);

    /** The gradient of {@link #loss} with respect to the logits, as a new array; finite for any finite logit. */
    @Clause(id = "gradientValue", value = "gradient is the derivative of loss with respect to each logit, the modulating factor (1 - p_t)^gamma included.")
    @Clause(id = "gradientStable", value = "gradient is finite for any finite logit, |x| = 1e3 included.")
    @Clause(id = "gradientNewArray", value = "gradient returns a new array of length n: never one of the arguments, nor a buffer reused between calls.")
    double[] gradient(double[] logits, double[] targets, double alpha, double gamma);
}
