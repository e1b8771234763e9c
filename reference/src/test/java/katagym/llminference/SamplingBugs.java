package katagym.llminference;

import java.util.Arrays;

/** Plausible learner bugs the sampling spec must catch. */
final class SamplingBugs {
    private SamplingBugs() {}

    /** Keeps a token only while the mass including it stays <= topP: drops the token that crosses the threshold. */
    static final class TopPDropsTheCrossingToken extends SamplingReference {
        @Override
        protected double[] topP(double[] p, double topP) {
            if (topP >= 1) return p;
            double[] out = new double[p.length];
            double cum = 0, kept = 0;
            for (int i : byProbability(p)) {
                cum += p[i];
                if (cum <= topP) {
                    out[i] = p[i];
                    kept += p[i];
                }
            }
            if (kept == 0) return p; // keeps something rather than dividing by zero
            for (int i = 0; i < out.length; i++) out[i] /= kept;
            return out;
        }
    }

    /** Takes the k-th largest at index k (0-based) of the descending order: keeps only k - 1 tokens. */
    static final class TopKKeepsKMinusOne extends SamplingReference {
        @Override
        protected boolean[] topK(double[] z, int k) {
            boolean[] keep = new boolean[z.length];
            if (k <= 0 || k >= z.length) {
                Arrays.fill(keep, true);
                return keep;
            }
            double[] sorted = z.clone();
            Arrays.sort(sorted);
            double kth = sorted[z.length - k];
            for (int i = 0; i < z.length; i++) keep[i] = z[i] > kth;
            if (k == 1) keep[argmax(z)] = true;
            return keep;
        }

        private static int argmax(double[] z) {
            int b = 0;
            for (int i = 1; i < z.length; i++) if (z[i] > z[b]) b = i;
            return b;
        }
    }

    /** Multiplies the logits by the temperature instead of dividing. */
    static final class TemperatureMultiplied extends SamplingReference {
        @Override
        protected double[] scale(double[] logits, double temperature) {
            double[] z = new double[logits.length];
            for (int i = 0; i < z.length; i++) z[i] = logits[i] * temperature;
            return z;
        }
    }

    /** Exponentiates without subtracting the maximum: overflows for small temperatures. */
    static final class SoftmaxWithoutMax extends SamplingReference {
        @Override
        protected double[] softmax(double[] z, boolean[] keep) {
            double[] p = new double[z.length];
            double sum = 0;
            for (int i = 0; i < z.length; i++) if (keep[i]) sum += p[i] = Math.exp(z[i]);
            for (int i = 0; i < z.length; i++) p[i] /= sum;
            return p;
        }
    }

    /** Forgets to renormalise after the top-p cut. */
    static final class TopPNotRenormalised extends SamplingReference {
        @Override
        protected double[] topP(double[] p, double topP) {
            if (topP >= 1) return p;
            double[] out = new double[p.length];
            double before = 0;
            for (int i : byProbability(p)) {
                if (before < topP) out[i] = p[i];
                before += p[i];
            }
            return out;
        }
    }

    /** Picks the first index whose cumulative probability is >= u: a token of probability 0 can be drawn. */
    static final class SampleWithGreaterOrEqual extends SamplingReference {
        @Override
        public int sample(double[] probabilities, double uniform) {
            double cum = 0;
            for (int i = 0; i < probabilities.length; i++) {
                cum += probabilities[i];
                if (cum >= uniform) return i;
            }
            return probabilities.length - 1;
        }
    }

    /** When no cumulative sum exceeds u (rounding), returns the last index even if its probability is 0. */
    static final class FallsBackToTheLastIndex extends SamplingReference {
        @Override
        public int sample(double[] probabilities, double uniform) {
            double cum = 0;
            for (int i = 0; i < probabilities.length; i++) {
                cum += probabilities[i];
                if (cum > uniform) return i;
            }
            return probabilities.length - 1;
        }
    }

    /** Runs the nucleus step even at topP = 1, so a token after mass that rounds to 1.0 is dropped. */
    static final class TopPFiltersAtOne extends SamplingReference {
        @Override
        protected double[] topP(double[] p, double topP) {
            double[] out = new double[p.length];
            double before = 0, kept = 0;
            for (int i : byProbability(p)) {
                if (before < topP) {
                    out[i] = p[i];
                    kept += p[i];
                }
                before += p[i];
            }
            for (int i = 0; i < out.length; i++) out[i] /= kept;
            return out;
        }
    }

    /** Tests topK == 0 for "no filtering": a negative topK indexes the sorted logits out of bounds. */
    static final class NegativeTopKIsNotNoFilter extends SamplingReference {
        @Override
        protected boolean[] topK(double[] z, int k) {
            if (k == 0 || k >= z.length) return super.topK(z, 0);
            double[] sorted = z.clone();
            Arrays.sort(sorted);
            double kth = sorted[z.length - k];
            boolean[] keep = new boolean[z.length];
            for (int i = 0; i < z.length; i++) keep[i] = z[i] >= kth;
            return keep;
        }
    }

    /** Treats every temperature below 0.05 as greedy, but T = 0.02 still gives a softmax, not a one-hot vector. */
    static final class GreedyBelowATemperatureCutoff extends SamplingReference {
        @Override
        public double[] probabilities(double[] logits, double temperature, int topK, double topP) {
            return super.probabilities(logits, temperature < 0.05 ? 0 : temperature, topK, topP);
        }
    }

    /** Keeps exactly k tokens (the first k of a sort by logit), dropping tokens tied with the k-th. */
    static final class TopKKeepsExactlyKOnTies extends SamplingReference {
        @Override
        protected boolean[] topK(double[] z, int k) {
            if (k <= 0 || k >= z.length) return super.topK(z, k);
            Integer[] order = new Integer[z.length];
            for (int i = 0; i < z.length; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(z[b], z[a]));
            boolean[] keep = new boolean[z.length];
            for (int r = 0; r < k; r++) keep[order[r]] = true;
            return keep;
        }
    }
}
