package katagym.moe;

import java.util.Arrays;

/** Correct top-k gating written unlike the reference. */
final class TopKGatingAlternatives {
    private TopKGatingAlternatives() {}

    /** Insertion of each expert into a running top-k list (strict >, so earlier indices stay ahead on ties); weights by log-sum-exp. */
    static final class RunningTopKAndLogSumExp implements TopKGating {
        @Override
        public Routing route(double[][] routerLogits, int k) {
            int[][] experts = new int[routerLogits.length][];
            double[][] weights = new double[routerLogits.length][];
            for (int t = 0; t < routerLogits.length; t++) {
                double[] x = routerLogits[t];
                int[] top = new int[k];
                int size = 0;
                for (int e = 0; e < x.length; e++) {
                    int pos = size;
                    while (pos > 0 && x[e] > x[top[pos - 1]]) pos--;
                    if (pos >= k) continue;
                    int end = Math.min(size, k - 1);
                    System.arraycopy(top, pos, top, pos + 1, end - pos);
                    top[pos] = e;
                    size = Math.min(size + 1, k);
                }
                experts[t] = top;
                double max = x[top[0]], sum = 0;
                for (int e : top) sum += Math.exp(x[e] - max);
                double logZ = max + Math.log(sum);
                weights[t] = Arrays.stream(top).mapToDouble(e -> Math.exp(x[e] - logZ)).toArray();
            }
            return new Routing(experts, weights);
        }

        @Override
        public double[][] combine(Routing routing, double[][][] expertOutputs) {
            double[][] out = new double[routing.experts().length][];
            for (int t = 0; t < out.length; t++) {
                for (int j = 0; j < routing.experts()[t].length; j++) {
                    double[] y = expertOutputs[routing.experts()[t][j]][t];
                    if (out[t] == null) out[t] = new double[y.length];
                    for (int d = 0; d < y.length; d++) out[t][d] += routing.weights()[t][j] * y[d];
                }
            }
            return out;
        }

        @Override
        public double loadBalancingLoss(double[][] routerLogits) {
            int tokens = routerLogits.length, experts = routerLogits[0].length;
            int[] top1 = new int[experts];
            double[] probSum = new double[experts];
            for (double[] x : routerLogits) {
                int best = 0;
                for (int e = 1; e < experts; e++) if (x[e] > x[best]) best = e;
                top1[best]++;
                double max = x[best], z = 0;
                for (double v : x) z += Math.exp(v - max);
                for (int e = 0; e < experts; e++) probSum[e] += Math.exp(x[e] - max) / z;
            }
            double sum = 0;
            for (int e = 0; e < experts; e++) sum += top1[e] * probSum[e];
            return experts * sum / ((double) tokens * tokens);
        }
    }
}
