package katagym.moe;

/** Plausible learner bugs the top-k-gating spec must catch. */
final class TopKGatingBugs {
    private TopKGatingBugs() {}

    /** Takes the full softmax over all experts and keeps the chosen probabilities: they do not sum to 1. */
    static final class SoftmaxOverAllExperts extends TopKGatingReference {
        @Override
        public Routing route(double[][] routerLogits, int k) {
            Routing r = super.route(routerLogits, k);
            for (int t = 0; t < routerLogits.length; t++) {
                double[] p = softmax(routerLogits[t]);
                for (int j = 0; j < k; j++) r.weights()[t][j] = p[r.experts()[t][j]];
            }
            return r;
        }
    }

    /** Argmax with >=, so an equal logit goes to the higher expert index. */
    static final class TiesToTheHigherIndex extends TopKGatingReference {
        @Override
        public Routing route(double[][] routerLogits, int k) {
            int[][] experts = new int[routerLogits.length][k];
            double[][] weights = new double[routerLogits.length][];
            for (int t = 0; t < routerLogits.length; t++) {
                boolean[] taken = new boolean[routerLogits[t].length];
                double[] chosen = new double[k];
                for (int j = 0; j < k; j++) {
                    int best = -1;
                    for (int e = 0; e < routerLogits[t].length; e++) {
                        if (!taken[e] && (best < 0 || routerLogits[t][e] >= routerLogits[t][best])) best = e;
                    }
                    taken[best] = true;
                    experts[t][j] = best;
                    chosen[j] = routerLogits[t][best];
                }
                weights[t] = softmax(chosen);
            }
            return new Routing(experts, weights);
        }
    }

    /** Forgets the factor E (number of experts): uniform routing then gives 1/E, not 1. */
    static final class LossWithoutTheExpertCount extends TopKGatingReference {
        @Override
        public double loadBalancingLoss(double[][] routerLogits) {
            return super.loadBalancingLoss(routerLogits) / routerLogits[0].length;
        }
    }

    /** Indexes the expert outputs by rank j instead of by the chosen expert experts[t][j]. */
    static final class CombineIndexesByRank extends TopKGatingReference {
        @Override
        public double[][] combine(Routing routing, double[][][] expertOutputs) {
            double[][] out = new double[routing.experts().length][];
            for (int t = 0; t < out.length; t++) {
                int dim = expertOutputs[0][t].length;
                out[t] = new double[dim];
                for (int j = 0; j < routing.experts()[t].length; j++) {
                    for (int d = 0; d < dim; d++) out[t][d] += routing.weights()[t][j] * expertOutputs[j][t][d];
                }
            }
            return out;
        }
    }

    /** Exponentiates the chosen logits without subtracting their max: NaN weights for logits near 1e3. */
    static final class WeightsWithoutMaxSubtraction extends TopKGatingReference {
        @Override
        public Routing route(double[][] routerLogits, int k) {
            Routing r = super.route(routerLogits, k);
            for (int t = 0; t < routerLogits.length; t++) {
                double sum = 0;
                for (int j = 0; j < k; j++) sum += Math.exp(routerLogits[t][r.experts()[t][j]]);
                for (int j = 0; j < k; j++) r.weights()[t][j] = Math.exp(routerLogits[t][r.experts()[t][j]]) / sum;
            }
            return r;
        }
    }
}
