package katagym.moe;

public class TopKGatingReference implements TopKGating {

    /**
     * The k largest entries, largest first; strict {@code >} keeps the first (lowest) index among equal
     * logits. k passes of a linear scan: O(kE), fine for the small k of MoE routers.
     */
    static int[] topK(double[] logits, int k) {
        int[] chosen = new int[k];
        boolean[] taken = new boolean[logits.length];
        for (int j = 0; j < k; j++) {
            int best = -1;
            for (int e = 0; e < logits.length; e++) {
                if (!taken[e] && (best < 0 || logits[e] > logits[best])) best = e;
            }
            taken[best] = true;
            chosen[j] = best;
        }
        return chosen;
    }

    /** Softmax of v, max subtracted. */
    static double[] softmax(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) max = Math.max(max, x);
        double[] p = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            p[i] = Math.exp(v[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < v.length; i++) p[i] /= sum;
        return p;
    }

    @Override
    public Routing route(double[][] routerLogits, int k) {
        int tokens = routerLogits.length;
        int[][] experts = new int[tokens][];
        double[][] weights = new double[tokens][];
        for (int t = 0; t < tokens; t++) {
            experts[t] = topK(routerLogits[t], k);
            double[] chosen = new double[k];
            for (int j = 0; j < k; j++) chosen[j] = routerLogits[t][experts[t][j]];
            weights[t] = softmax(chosen);
        }
        return new Routing(experts, weights);
    }

    @Override
    public double[][] combine(Routing routing, double[][][] expertOutputs) {
        int tokens = routing.experts().length;
        double[][] out = new double[tokens][];
        for (int t = 0; t < tokens; t++) {
            int dim = expertOutputs[routing.experts()[t][0]][t].length;
            out[t] = new double[dim];
            for (int j = 0; j < routing.experts()[t].length; j++) {
                double w = routing.weights()[t][j];
                double[] y = expertOutputs[routing.experts()[t][j]][t];
                for (int d = 0; d < dim; d++) out[t][d] += w * y[d];
            }
        }
        return out;
    }

    @Override
    public double loadBalancingLoss(double[][] routerLogits) {
        int tokens = routerLogits.length, experts = routerLogits[0].length;
        double[] fraction = new double[experts];
        double[] meanProb = new double[experts];
        for (double[] row : routerLogits) {
            fraction[topK(row, 1)[0]] += 1.0 / tokens;
            double[] p = softmax(row);
            for (int i = 0; i < experts; i++) meanProb[i] += p[i] / tokens;
        }
        double sum = 0;
        for (int i = 0; i < experts; i++) sum += fraction[i] * meanProb[i];
        return experts * sum;
    }
}
