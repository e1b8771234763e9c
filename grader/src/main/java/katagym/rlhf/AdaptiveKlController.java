package katagym.rlhf;

import katagym.grader.spec.Clause;

/**
 * The adaptive KL controller of Ziegler et al. (2019), "Fine-Tuning Language Models from Human
 * Preferences" (as TRL's {@code AdaptiveKLController}). Kata {@code adaptive-kl-controller}.
 *
 * <p>The KL coefficient beta is steered so that the observed KL(pi || pi_ref) tracks a target:
 * <pre>
 *   error = clip(kl / target - 1, -0.2, 0.2)
 *   beta' = beta * (1 + error * nSteps / horizon)          (real division)
 * </pre>
 * Valid arguments: beta >= 0, any finite kl (an estimate may be negative), target > 0, horizon >= 1,
 * 0 <= nSteps <= horizon (so the multiplier stays in [0.8, 1.2]). Anything else throws
 * {@link IllegalArgumentException}, in both methods.
 */
@Clause(id = "rejectsInvalid", value = "update and schedule throw IllegalArgumentException when beta < 0, target <= 0, horizon < 1, or some nSteps is < 0 or > horizon; schedule also when kls and nSteps differ in length.")
public interface AdaptiveKlController {

    /** One update: beta * (1 + clip(kl / target - 1, -0.2, 0.2) * nSteps / horizon). */
    @Clause(id = "updateValue", value = "update returns beta * (1 + clip(kl / target - 1, -0.2, 0.2) * nSteps / horizon), nSteps / horizon a real (not integer) division.")
    double update(double beta, double kl, double target, int nSteps, int horizon);

    /**
     * The coefficient along a run: {@code betas[0] = beta0}, {@code betas[t + 1] = update(betas[t],
     * kls[t], target, nSteps[t], horizon)}; T = kls.length updates give T + 1 values (T = 0 allowed).
     */
    @Clause(id = "scheduleValue", value = "schedule returns T + 1 values: betas[0] = beta0 and betas[t+1] = update(betas[t], kls[t], target, nSteps[t], horizon), each update compounding on the previous beta.")
    @Clause(id = "newArray", value = "schedule returns a new array (not an argument, not a buffer reused between calls) and modifies neither kls nor nSteps.")
    double[] schedule(double beta0, double[] kls, int[] nSteps, double target, int horizon);
}
