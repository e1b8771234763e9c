package katagym.rlhf;

import katagym.NotImplementedYet;

/**
 * Kata {@code adaptive-kl-controller}.
 * Statement: katas/src/main/resources/statements/adaptive-kl-controller.md ({@code ./kata show adaptive-kl-controller}).
 */
public final class AdaptiveKlControllerKata implements AdaptiveKlController {

    /**
     * Return beta * (1 + clip(kl / target - 1, -0.2, 0.2) * nSteps / horizon). Throw
     * IllegalArgumentException when beta < 0, target <= 0, horizon < 1, or nSteps outside [0, horizon].
     */
    @Override
    public double update(double beta, double kl, double target, int nSteps, int horizon) {
        throw new NotImplementedYet("AdaptiveKlControllerKata.update");
    }

    /**
     * Return a new array of kls.length + 1 coefficients: beta0, then each update applied to the
     * previous one with kls[t] and nSteps[t]. Same exceptions as update, and one for kls and nSteps
     * of different lengths.
     */
    @Override
    public double[] schedule(double beta0, double[] kls, int[] nSteps, double target, int horizon) {
        throw new NotImplementedYet("AdaptiveKlControllerKata.schedule");
    }
}
