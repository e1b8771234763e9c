package katagym.moe;

/** Correct solutions unlike the reference. */
final class MoeLoadBalancingAlternatives {
    private MoeLoadBalancingAlternatives() {}

    /**
     * The way PyTorch implementations do it: a one-hot mask of the top-1 choices, a running count per
     * expert (the cumulative sum down the token axis) as each token's 1-based place in its expert's
     * queue, kept when the place is at most the capacity; aux loss as a dot product of column means;
     * logsumexp through log1p of the non-max terms.
     */
    static final class CumulativeMask implements MoeLoadBalancing {
        private static int argmax(double[] row) {
            int best = 0;
            double bestValue = row[0];
            for (int e = 1; e < row.length; e++) {
                if (row[e] > bestValue) {
                    bestValue = row[e];
                    best = e;
                }
            }
            return best;
        }

        private static double lse(double[] row) {
            int m = argmax(row);
            double rest = 0;
            for (int e = 0; e < row.length; e++) if (e != m) rest += Math.exp(row[e] - row[m]);
            return row[m] + Math.log1p(rest);
        }

        @Override
        public double auxLoss(double[][] routerLogits, double alpha) {
            int t = routerLogits.length, e = routerLogits[0].length;
            double[][] mask = new double[t][e];
            double[][] probs = new double[t][e];
            for (int i = 0; i < t; i++) {
                mask[i][argmax(routerLogits[i])] = 1;
                double l = lse(routerLogits[i]);
                for (int j = 0; j < e; j++) probs[i][j] = Math.exp(routerLogits[i][j] - l);
            }
            double dot = 0;
            for (int j = 0; j < e; j++) {
                double f = 0, p = 0;
                for (int i = 0; i < t; i++) {
                    f += mask[i][j];
                    p += probs[i][j];
                }
                dot += (f / t) * (p / t);
            }
            return alpha * e * dot;
        }

        @Override
        public int capacity(int tokens, int experts, double capacityFactor) {
            if (tokens < 0 || experts < 1 || capacityFactor <= 0 || Double.isNaN(capacityFactor)) throw new IllegalArgumentException("bad arguments");
            double share = capacityFactor * tokens / experts;
            int floor = (int) share;
            return floor == share ? floor : floor + 1;
        }

        @Override
        public int[] dispatch(double[][] routerLogits, double capacityFactor) {
            int t = routerLogits.length, e = routerLogits[0].length;
            int cap = capacity(t, e, capacityFactor);
            int[][] position = new int[t][e];
            int[] running = new int[e];
            int[] choice = new int[t];
            for (int i = 0; i < t; i++) {
                choice[i] = argmax(routerLogits[i]);
                running[choice[i]]++;
                position[i][choice[i]] = running[choice[i]];
            }
            int[] out = new int[t];
            for (int i = 0; i < t; i++) out[i] = position[i][choice[i]] <= cap ? choice[i] : -1;
            return out;
        }

        @Override
        public double zLoss(double[][] routerLogits) {
            double mean = 0;
            for (int i = 0; i < routerLogits.length; i++) {
                double l = lse(routerLogits[i]);
                mean += (l * l - mean) / (i + 1);
            }
            return mean;
        }
    }
}
