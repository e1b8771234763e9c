package katagym.rlhf;

/** Plausible learner bugs the gae spec must catch. */
final class GaeBugs {
    private GaeBugs() {}

    /** Ignores the episode ends: bootstraps from, and carries advantage back across, the next episode. */
    static final class BootstrapsAcrossEpisodeEnds extends GaeReference {
        @Override
        public Result estimate(double[] rewards, double[] values, boolean[] dones, double gamma, double lambda) {
            return super.estimate(rewards, values, new boolean[dones.length], gamma, lambda);
        }
    }

    /** Masks the bootstrap value at an episode end but still carries the next episode's advantage back. */
    static final class CarriesAdvantageAcrossEpisodeEnds extends GaeReference {
        @Override
        public Result estimate(double[] rewards, double[] values, boolean[] dones, double gamma, double lambda) {
            int n = rewards.length;
            double[] adv = new double[n], ret = new double[n];
            double next = 0;
            for (int t = n - 1; t >= 0; t--) {
                double notDone = dones[t] ? 0 : 1;
                next = rewards[t] + gamma * values[t + 1] * notDone - values[t] + gamma * lambda * next;
                adv[t] = next;
                ret[t] = next + values[t];
            }
            return new Result(adv, ret);
        }
    }

    /** Swaps gamma and lambda: discounts the next value by lambda. */
    static final class GammaAndLambdaSwapped extends GaeReference {
        @Override
        public Result estimate(double[] rewards, double[] values, boolean[] dones, double gamma, double lambda) {
            return super.estimate(rewards, values, dones, lambda, gamma);
        }
    }

    /** Runs the recursion forwards, A_t = delta_t + gamma lambda A_{t-1}: the future never reaches the past. */
    static final class ForwardRecursion extends GaeReference {
        @Override
        public Result estimate(double[] rewards, double[] values, boolean[] dones, double gamma, double lambda) {
            int n = rewards.length;
            double[] adv = new double[n], ret = new double[n];
            double prev = 0;
            for (int t = 0; t < n; t++) {
                double notDone = dones[t] ? 0 : 1;
                double delta = rewards[t] + gamma * values[t + 1] * notDone - values[t];
                prev = delta + gamma * lambda * notDone * prev;
                adv[t] = prev;
                ret[t] = prev + values[t];
            }
            return new Result(adv, ret);
        }
    }

    /** Adds the next state's value to form the return: returns[t] = A_t + V_{t+1}. */
    static final class ReturnsUseTheNextValue extends GaeReference {
        @Override
        public Result estimate(double[] rewards, double[] values, boolean[] dones, double gamma, double lambda) {
            Result r = super.estimate(rewards, values, dones, gamma, lambda);
            double[] ret = new double[rewards.length];
            for (int t = 0; t < ret.length; t++) ret[t] = r.advantages()[t] + values[t + 1];
            return new Result(r.advantages(), ret);
        }
    }

    /** Keeps the two result arrays in fields reused between calls. */
    static final class ReusesResultArrays extends GaeReference {
        private double[] adv = new double[0], ret = new double[0];

        @Override
        public Result estimate(double[] rewards, double[] values, boolean[] dones, double gamma, double lambda) {
            Result r = super.estimate(rewards, values, dones, gamma, lambda);
            if (adv.length != rewards.length) { adv = new double[rewards.length]; ret = new double[rewards.length]; }
            System.arraycopy(r.advantages(), 0, adv, 0, adv.length);
            System.arraycopy(r.returns(), 0, ret, 0, ret.length);
            return new Result(adv, ret);
        }
    }

    /** Treats the last step specially and always bootstraps it from values[T], even when dones[T-1] ends the episode. */
    static final class LastStepAlwaysBootstraps extends GaeReference {
        @Override
        public Result estimate(double[] rewards, double[] values, boolean[] dones, double gamma, double lambda) {
            int n = rewards.length;
            double[] adv = new double[n], ret = new double[n];
            double next = rewards[n - 1] + gamma * values[n] - values[n - 1];
            adv[n - 1] = next;
            ret[n - 1] = next + values[n - 1];
            for (int t = n - 2; t >= 0; t--) {
                double notDone = dones[t] ? 0 : 1;
                double delta = rewards[t] + gamma * values[t + 1] * notDone - values[t];
                next = delta + gamma * lambda * notDone * next;
                adv[t] = next;
                ret[t] = next + values[t];
            }
            return new Result(adv, ret);
        }
    }

    /** Reads dones[t] as "step t starts a new episode": masks with dones[t + 1] (nothing at the last step). */
    static final class DoneFlagShiftedByOne extends GaeReference {
        @Override
        public Result estimate(double[] rewards, double[] values, boolean[] dones, double gamma, double lambda) {
            boolean[] shifted = new boolean[dones.length];
            for (int t = 0; t + 1 < dones.length; t++) shifted[t] = dones[t + 1];
            return super.estimate(rewards, values, shifted, gamma, lambda);
        }
    }

    /** Carries the next advantage with lambda alone, forgetting gamma: A_t = delta_t + lambda * m_t * A_{t+1}. */
    static final class CarryForgetsGamma extends GaeReference {
        @Override
        public Result estimate(double[] rewards, double[] values, boolean[] dones, double gamma, double lambda) {
            int n = rewards.length;
            double[] adv = new double[n], ret = new double[n];
            double next = 0;
            for (int t = n - 1; t >= 0; t--) {
                double notDone = dones[t] ? 0 : 1;
                next = rewards[t] + gamma * values[t + 1] * notDone - values[t] + lambda * notDone * next;
                adv[t] = next;
                ret[t] = next + values[t];
            }
            return new Result(adv, ret);
        }
    }
}
