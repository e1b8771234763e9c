package katagym.moe;

public class MoeLoadBalancingReference implements MoeLoadBalancing {

    /** Index of the largest logit; strict {@code >} keeps the lowest index on a tie. */
    static int top1(double[] row) {
        int best = 0;
        for (int e = 1; e < row.length; e++) if (row[e] > row[best]) best = e;
        return best;
    }

    /** log sum exp, max subtracted (finite for any finite row). */
    static double logSumExp(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) max = Math.max(max, v);
        double sum = 0;
        for (double v : row) sum += Math.exp(v - max);
        return max + Math.log(sum);
    }

    @Override
    public double auxLoss(double[][] routerLogits, double alpha) {
        int tokens = routerLogits.length, experts = routerLogits[0].length;
        double[] f = new double[experts];
        double[] p = new double[experts];
        for (double[] row : routerLogits) {
            f[top1(row)] += 1.0 / tokens;
            double lse = logSumExp(row);
            for (int i = 0; i < experts; i++) p[i] += Math.exp(row[i] - lse) / tokens;
        }
        double sum = 0;
        for (int i = 0; i < experts; i++) sum += f[i] * p[i];
        return alpha * experts * sum;
    }

    @Override
    public int capacity(int tokens, int experts, double capacityFactor) {
        if (tokens < 0 || experts < 1 || !(capacityFactor > 0)) throw new IllegalArgumentException("tokens >= 0, experts >= 1, factor > 0");
        return (int) Math.ceil(capacityFactor * tokens / experts);
    }

    @Override
    public int[] dispatch(double[][] routerLogits, double capacityFactor) {
        int tokens = routerLogits.length, experts = routerLogits[0].length;
        int cap = capacity(tokens, experts, capacityFactor);
        int[] load = new int[experts];
        int[] out = new int[tokens];
        for (int t = 0; t < tokens; t++) {
            int e = top1(routerLogits[t]);
            if (load[e] < cap) {
                load[e]++;
                out[t] = e;
            } else {
                out[t] = -1;
            }
        }
        return out;
    }

    @Override
    public double zLoss(double[][] routerLogits) {
        double sum = 0;
        for (double[] row : routerLogits) {
            double lse = logSumExp(row);
            sum += lse * lse;
        }
        return sum / routerLogits.length;
    }
}
