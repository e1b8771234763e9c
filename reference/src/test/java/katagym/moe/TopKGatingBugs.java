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

    /** Ranks experts by sorting on -logit with Comparator.comparingDouble: Double.compare puts 0.0 before -0.0, which are equal logits. */
    static final class SortsByNegatedLogit extends TopKGatingReference {
        @Override
        public Routing route(double[][] routerLogits, int k) {
            int[][] experts = new int[routerLogits.length][];
            double[][] weights = new double[routerLogits.length][];
            for (int t = 0; t < routerLogits.length; t++) {
                double[] x = routerLogits[t];
                experts[t] = java.util.stream.IntStream.range(0, x.length).boxed()
                        .sorted(java.util.Comparator.comparingDouble(e -> -x[e])).limit(k).mapToInt(Integer::intValue).toArray();
                double[] chosen = new double[k];
                for (int j = 0; j < k; j++) chosen[j] = x[experts[t][j]];
                weights[t] = softmax(chosen);
            }
            return new Routing(experts, weights);
        }
    }

    /** Clamps the logits to [-50, 50] "against overflow" before the softmax: weights go wrong once chosen logits pass 50. */
    static final class ClampsLogitsToFifty extends TopKGatingReference {
        @Override
        public Routing route(double[][] routerLogits, int k) {
            Routing r = super.route(routerLogits, k);
            for (int t = 0; t < routerLogits.length; t++) {
                double[] chosen = new double[k];
                for (int j = 0; j < k; j++) chosen[j] = Math.max(-50, Math.min(50, routerLogits[t][r.experts()[t][j]]));
                r.weights()[t] = softmax(chosen);
            }
            return r;
        }
    }

    /** The loss's top-1 uses >=, so a tie goes to the higher expert index (route keeps the lower one). */
    static final class LossTop1TiesToTheHigherIndex extends TopKGatingReference {
        @Override
        public double loadBalancingLoss(double[][] routerLogits) {
            int tokens = routerLogits.length, experts = routerLogits[0].length;
            double[] fraction = new double[experts], meanProb = new double[experts];
            for (double[] row : routerLogits) {
                int best = 0;
                for (int e = 1; e < experts; e++) if (row[e] >= row[best]) best = e;
                fraction[best] += 1.0 / tokens;
                double[] p = softmax(row);
                for (int i = 0; i < experts; i++) meanProb[i] += p[i] / tokens;
            }
            double sum = 0;
            for (int i = 0; i < experts; i++) sum += fraction[i] * meanProb[i];
            return experts * sum;
        }
    }

    /** The loss's softmax over all logits exponentiates without subtracting the max: NaN once a logit passes 709. */
    static final class LossSoftmaxWithoutMaxSubtraction extends TopKGatingReference {
        @Override
        public double loadBalancingLoss(double[][] routerLogits) {
            int tokens = routerLogits.length, experts = routerLogits[0].length;
            double[] fraction = new double[experts], meanProb = new double[experts];
            for (double[] row : routerLogits) {
                fraction[topK(row, 1)[0]] += 1.0 / tokens;
                double sum = 0;
                for (double v : row) sum += Math.exp(v);
                for (int i = 0; i < experts; i++) meanProb[i] += Math.exp(row[i]) / sum / tokens;
            }
            double sum = 0;
            for (int i = 0; i < experts; i++) sum += fraction[i] * meanProb[i];
            return experts * sum;
        }
    }

    /** Finds the next expert by overwriting the chosen logit with -Infinity in the caller's array. */
    static final class MasksChosenLogitsInPlace extends TopKGatingReference {
        @Override
        public Routing route(double[][] routerLogits, int k) {
            int[][] experts = new int[routerLogits.length][k];
            double[][] weights = new double[routerLogits.length][];
            for (int t = 0; t < routerLogits.length; t++) {
                double[] x = routerLogits[t];
                double[] chosen = new double[k];
                for (int j = 0; j < k; j++) {
                    int best = 0;
                    for (int e = 1; e < x.length; e++) if (x[e] > x[best]) best = e;
                    experts[t][j] = best;
                    chosen[j] = x[best];
                    x[best] = Double.NEGATIVE_INFINITY;
                }
                weights[t] = softmax(chosen);
            }
            return new Routing(experts, weights);
        }
    }
}
