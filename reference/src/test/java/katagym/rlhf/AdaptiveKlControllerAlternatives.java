package katagym.rlhf;

/** Correct adaptive KL controllers written unlike the reference. */
final class AdaptiveKlControllerAlternatives {
    private AdaptiveKlControllerAlternatives() {}

    /** Clamps the ratio kl / target into [0.8, 1.2] and multiplies by a precomputed step fraction; schedule by recursion from the end. */
    static final class ClampTheRatio implements AdaptiveKlController {
        @Override
        public double update(double beta, double kl, double target, int nSteps, int horizon) {
            check(beta, target, horizon, nSteps);
            double ratio = Math.min(1.2, Math.max(0.8, kl / target));
            double fraction = nSteps / (double) horizon;
            return beta * (1 + (ratio - 1) * fraction);
        }

        @Override
        public double[] schedule(double beta0, double[] kls, int[] nSteps, double target, int horizon) {
            check(beta0, target, horizon, 0);
            if (kls.length != nSteps.length) throw new IllegalArgumentException("kls and nSteps differ in length");
            for (int n : nSteps) check(beta0, target, horizon, n);
            double[] betas = new double[kls.length + 1];
            fill(betas, kls.length, beta0, kls, nSteps, target, horizon);
            return betas;
        }

        private double fill(double[] betas, int t, double beta0, double[] kls, int[] nSteps, double target, int horizon) {
            double b = t == 0 ? beta0 : update(fill(betas, t - 1, beta0, kls, nSteps, target, horizon), kls[t - 1], target, nSteps[t - 1], horizon);
            betas[t] = b;
            return b;
        }

        private static void check(double beta, double target, int horizon, int nSteps) {
            if (beta < 0 || target <= 0 || horizon < 1 || nSteps < 0 || nSteps > horizon) {
                throw new IllegalArgumentException("invalid controller arguments");
            }
        }
    }
}
