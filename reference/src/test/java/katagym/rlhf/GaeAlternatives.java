package katagym.rlhf;

/** Correct GAE implementations written differently from the reference. */
final class GaeAlternatives {
    private GaeAlternatives() {}

    /**
     * The forward-view definition: A_t = sum_k (gamma lambda)^k delta_{t+k}, the sum stopping after the
     * first step whose episode ends. O(T^2), no carried state.
     */
    static final class ForwardViewSum implements Gae {
        @Override
        public Result estimate(double[] rewards, double[] values, boolean[] dones, double gamma, double lambda) {
            int n = rewards.length;
            double[] delta = new double[n];
            for (int t = 0; t < n; t++) delta[t] = rewards[t] + (dones[t] ? 0 : gamma * values[t + 1]) - values[t];
            double[] adv = new double[n], ret = new double[n];
            for (int t = 0; t < n; t++) {
                double weight = 1, sum = 0;
                for (int k = t; k < n; k++) {
                    sum += weight * delta[k];
                    if (dones[k]) break;
                    weight *= gamma * lambda;
                }
                adv[t] = sum;
                ret[t] = sum + values[t];
            }
            return new Result(adv, ret);
        }
    }
}
