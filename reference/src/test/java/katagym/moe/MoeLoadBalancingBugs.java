package katagym.moe;

/** Plausible learner bugs the moe-load-balancing spec must catch. */
final class MoeLoadBalancingBugs {
    private MoeLoadBalancingBugs() {}

    /** Capacity rounded down by the int cast, with no ceil. */
    static final class CapacityRoundsDown extends MoeLoadBalancingReference {
        @Override
        public int capacity(int tokens, int experts, double capacityFactor) {
            super.capacity(tokens, experts, capacityFactor);
            return (int) (capacityFactor * tokens / experts);
        }
    }

    /** Integer division first: ceil(capacityFactor * (tokens / experts)) loses the fraction of tokens / experts. */
    static final class CapacityIntegerDivision extends MoeLoadBalancingReference {
        @Override
        public int capacity(int tokens, int experts, double capacityFactor) {
            super.capacity(tokens, experts, capacityFactor);
            return (int) Math.ceil(capacityFactor * (tokens / experts));
        }
    }

    /** Reroutes a token whose expert is full to its second-best expert instead of dropping it. */
    static final class ReroutesDroppedTokens extends MoeLoadBalancingReference {
        @Override
        public int[] dispatch(double[][] routerLogits, double capacityFactor) {
            int tokens = routerLogits.length, experts = routerLogits[0].length;
            int cap = capacity(tokens, experts, capacityFactor);
            int[] load = new int[experts];
            int[] out = new int[tokens];
            for (int t = 0; t < tokens; t++) {
                int[] order = TopKGatingReference.topK(routerLogits[t], experts);
                out[t] = -1;
                for (int e : order) {
                    if (load[e] < cap) {
                        load[e]++;
                        out[t] = e;
                        break;
                    }
                }
            }
            return out;
        }
    }

    /** Fills the experts from the last token backwards, so the late tokens survive and the early ones drop. */
    static final class KeepsTheLastTokens extends MoeLoadBalancingReference {
        @Override
        public int[] dispatch(double[][] routerLogits, double capacityFactor) {
            double[][] reversed = new double[routerLogits.length][];
            for (int t = 0; t < reversed.length; t++) reversed[t] = routerLogits[routerLogits.length - 1 - t];
            int[] r = super.dispatch(reversed, capacityFactor);
            int[] out = new int[r.length];
            for (int t = 0; t < r.length; t++) out[t] = r[r.length - 1 - t];
            return out;
        }
    }

    /** Argmax with >=: a tie goes to the higher expert index. */
    static final class TiesToTheHigherExpert extends MoeLoadBalancingReference {
        @Override
        public int[] dispatch(double[][] routerLogits, double capacityFactor) {
            double[][] flipped = new double[routerLogits.length][];
            for (int t = 0; t < flipped.length; t++) {
                int e = routerLogits[t].length;
                flipped[t] = new double[e];
                for (int i = 0; i < e; i++) flipped[t][i] = routerLogits[t][e - 1 - i];
            }
            int[] r = super.dispatch(flipped, capacityFactor);
            int experts = routerLogits[0].length;
            for (int t = 0; t < r.length; t++) if (r[t] >= 0) r[t] = experts - 1 - r[t];
            return r;
        }
    }

    /** Forgets the factor E, so a uniform routing gives alpha / E instead of alpha. */
    static final class AuxLossWithoutE extends MoeLoadBalancingReference {
        @Override
        public double auxLoss(double[][] routerLogits, double alpha) {
            return super.auxLoss(routerLogits, alpha) / routerLogits[0].length;
        }
    }

    /** Uses the top-1 fractions for P too: E * sum f_i^2, which has no gradient to the router. */
    static final class AuxLossFractionsSquared extends MoeLoadBalancingReference {
        @Override
        public double auxLoss(double[][] routerLogits, double alpha) {
            int tokens = routerLogits.length, experts = routerLogits[0].length;
            double[] f = new double[experts];
            for (double[] row : routerLogits) f[top1(row)] += 1.0 / tokens;
            double sum = 0;
            for (double v : f) sum += v * v;
            return alpha * experts * sum;
        }
    }

    /** log(sum(exp(x))) without subtracting the max: Infinity past x = 709. */
    static final class NaiveLogSumExp extends MoeLoadBalancingReference {
        @Override
        public double zLoss(double[][] routerLogits) {
            double sum = 0;
            for (double[] row : routerLogits) {
                double s = 0;
                for (double v : row) s += Math.exp(v);
                double lse = Math.log(s);
                sum += lse * lse;
            }
            return sum / routerLogits.length;
        }
    }

    /** Squares the mean logsumexp instead of averaging the squares. */
    static final class SquareOfTheMean extends MoeLoadBalancingReference {
        @Override
        public double zLoss(double[][] routerLogits) {
            double mean = 0;
            for (double[] row : routerLogits) mean += logSumExp(row) / routerLogits.length;
            return mean * mean;
        }
    }

    /** Uses the max logit for logsumexp (forgets the log of the sum of the shifted exponentials). */
    static final class MaxInsteadOfLogSumExp extends MoeLoadBalancingReference {
        @Override
        public double zLoss(double[][] routerLogits) {
            double sum = 0;
            for (double[] row : routerLogits) {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : row) max = Math.max(max, v);
                sum += max * max;
            }
            return sum / routerLogits.length;
        }
    }
}
