package katagym.rlhf;

/** Correct GRPO objectives written differently from the reference. */
final class GrpoObjectiveAlternatives {
    private GrpoObjectiveAlternatives() {}

    /**
     * Welford's one-pass mean and variance for the advantages; the surrogate written by branching on
     * the advantage's sign; the objective accumulated per token with the 1 / (G T_i) weight.
     */
    static final class WelfordAndSignBranches implements GrpoObjective {
        @Override
        public double[] advantages(double[] rewards) {
            double mean = 0, m2 = 0;
            for (int k = 0; k < rewards.length; k++) {
                double delta = rewards[k] - mean;
                mean += delta / (k + 1);
                m2 += delta * (rewards[k] - mean);
            }
            double std = Math.sqrt(m2 / rewards.length);
            double[] a = new double[rewards.length];
            for (int i = 0; i < a.length; i++) a[i] = (rewards[i] - mean) / (std + STD_EPSILON);
            return a;
        }

        private static double surrogate(double ratio, double a, double eps) {
            return a >= 0 ? Math.min(ratio, 1 + eps) * a : Math.max(ratio, 1 - eps) * a;
        }

        @Override
        public double objective(double[] rewards, double[][] nw, double[][] old, double[][] ref, double eps, double beta) {
            double[] adv = advantages(rewards);
            int g = rewards.length;
            double total = 0;
            for (int i = 0; i < g; i++) {
                double seq = 0;
                for (int t = 0; t < nw[i].length; t++) {
                    double d = ref[i][t] - nw[i][t];
                    seq += surrogate(Math.exp(nw[i][t] - old[i][t]), adv[i], eps) - beta * (Math.exp(d) - d - 1);
                }
                total += seq / nw[i].length;
            }
            return total / g;
        }

        @Override
        public double[][] gradient(double[] rewards, double[][] nw, double[][] old, double[][] ref, double eps, double beta) {
            double[] adv = advantages(rewards);
            int g = rewards.length;
            double[][] out = new double[g][];
            for (int i = 0; i < g; i++) {
                out[i] = new double[nw[i].length];
                for (int t = 0; t < nw[i].length; t++) {
                    double ratio = Math.exp(nw[i][t] - old[i][t]);
                    boolean live = adv[i] >= 0 ? !(ratio > 1 + eps) : !(ratio < 1 - eps);
                    double ds = live ? ratio * adv[i] : 0;
                    out[i][t] = (ds - beta * (1 - Math.exp(ref[i][t] - nw[i][t]))) / (g * (double) nw[i].length);
                }
            }
            return out;
        }
    }
}
