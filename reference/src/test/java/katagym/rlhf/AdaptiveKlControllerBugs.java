package katagym.rlhf;

/** Plausible learner bugs the adaptive-kl-controller spec must catch. */
final class AdaptiveKlControllerBugs {
    private AdaptiveKlControllerBugs() {}

    /** error * (nSteps / horizon) on two ints: 0 unless nSteps == horizon, so beta never moves. */
    static final class IntegerDivision extends AdaptiveKlControllerReference {
        @Override
        public double update(double beta, double kl, double target, int nSteps, int horizon) {
            super.update(beta, kl, target, nSteps, horizon);
            double error = Math.max(-0.2, Math.min(0.2, kl / target - 1));
            return beta * (1 + error * (nSteps / horizon));
        }
    }

    /** Forgets the clip: a KL spike of 5x the target multiplies beta by 1 + 4 n/h. */
    static final class NoClip extends AdaptiveKlControllerReference {
        @Override
        public double update(double beta, double kl, double target, int nSteps, int horizon) {
            super.update(beta, kl, target, nSteps, horizon);
            return beta * (1 + (kl / target - 1) * nSteps / horizon);
        }
    }

    /** Clips the scaled step error * n / h to +-0.2 instead of the error itself. */
    static final class ClipsTheStep extends AdaptiveKlControllerReference {
        @Override
        public double update(double beta, double kl, double target, int nSteps, int horizon) {
            super.update(beta, kl, target, nSteps, horizon);
            return beta * (1 + Math.max(-0.2, Math.min(0.2, (kl / target - 1) * nSteps / horizon)));
        }
    }

    /** Sign flipped: error = 1 - kl / target lowers beta when the KL is too high. */
    static final class SignFlipped extends AdaptiveKlControllerReference {
        @Override
        public double update(double beta, double kl, double target, int nSteps, int horizon) {
            super.update(beta, kl, target, nSteps, horizon);
            double error = Math.max(-0.2, Math.min(0.2, 1 - kl / target));
            return beta * (1 + error * nSteps / horizon);
        }
    }

    /** Adds the step to beta instead of multiplying: beta + error * n / h. */
    static final class AdditiveUpdate extends AdaptiveKlControllerReference {
        @Override
        public double update(double beta, double kl, double target, int nSteps, int horizon) {
            super.update(beta, kl, target, nSteps, horizon);
            double error = Math.max(-0.2, Math.min(0.2, kl / target - 1));
            return beta + error * nSteps / horizon;
        }
    }

    /** The absolute error kl - target (in nats) instead of the relative kl / target - 1. */
    static final class AbsoluteError extends AdaptiveKlControllerReference {
        @Override
        public double update(double beta, double kl, double target, int nSteps, int horizon) {
            super.update(beta, kl, target, nSteps, horizon);
            double error = Math.max(-0.2, Math.min(0.2, kl - target));
            return beta * (1 + error * nSteps / horizon);
        }
    }

    /** Every step of the schedule starts again from beta0 instead of the previous beta. */
    static final class ScheduleDoesNotCompound extends AdaptiveKlControllerReference {
        @Override
        public double[] schedule(double beta0, double[] kls, int[] nSteps, double target, int horizon) {
            double[] betas = super.schedule(beta0, kls, nSteps, target, horizon);
            for (int t = 0; t < kls.length; t++) betas[t + 1] = update(beta0, kls[t], target, nSteps[t], horizon);
            return betas;
        }
    }

    /** Never checks nSteps against the horizon (nor its sign): a multiplier below 0.8 or above 1.2 slips through. */
    static final class NoStepValidation extends AdaptiveKlControllerReference {
        @Override
        public double update(double beta, double kl, double target, int nSteps, int horizon) {
            validate(beta, target, horizon);
            double error = Math.max(-0.2, Math.min(0.2, kl / target - 1));
            return beta * (1 + error * nSteps / horizon);
        }

        @Override
        public double[] schedule(double beta0, double[] kls, int[] nSteps, double target, int horizon) {
            validate(beta0, target, horizon);
            if (kls.length != nSteps.length) throw new IllegalArgumentException("lengths differ");
            double[] betas = new double[kls.length + 1];
            betas[0] = beta0;
            for (int t = 0; t < kls.length; t++) betas[t + 1] = update(betas[t], kls[t], target, nSteps[t], horizon);
            return betas;
        }
    }
}
