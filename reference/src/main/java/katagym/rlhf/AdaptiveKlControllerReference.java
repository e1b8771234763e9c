package katagym.rlhf;

public class AdaptiveKlControllerReference implements AdaptiveKlController {

    @Override
    public double update(double beta, double kl, double target, int nSteps, int horizon) {
        validate(beta, target, horizon);
        validateSteps(nSteps, horizon);
        double error = Math.max(-0.2, Math.min(0.2, kl / target - 1));
        return beta * (1 + error * nSteps / horizon);
    }

    @Override
    public double[] schedule(double beta0, double[] kls, int[] nSteps, double target, int horizon) {
        validate(beta0, target, horizon);
        if (kls.length != nSteps.length) {
            throw new IllegalArgumentException(kls.length + " KL values but " + nSteps.length + " step counts");
        }
        for (int n : nSteps) validateSteps(n, horizon);
        double[] betas = new double[kls.length + 1];
        betas[0] = beta0;
        for (int t = 0; t < kls.length; t++) betas[t + 1] = update(betas[t], kls[t], target, nSteps[t], horizon);
        return betas;
    }

    static void validate(double beta, double target, int horizon) {
        if (!(beta >= 0)) throw new IllegalArgumentException("beta must be >= 0, was " + beta);
        if (!(target > 0)) throw new IllegalArgumentException("target must be > 0, was " + target);
        if (horizon < 1) throw new IllegalArgumentException("horizon must be >= 1, was " + horizon);
    }

    static void validateSteps(int nSteps, int horizon) {
        if (nSteps < 0 || nSteps > horizon) {
            throw new IllegalArgumentException("nSteps must lie in [0, horizon = " + horizon + "], was " + nSteps);
        }
    }
}
