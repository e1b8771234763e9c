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
}
