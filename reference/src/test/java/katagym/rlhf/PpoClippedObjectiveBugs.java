package katagym.rlhf;

/** Plausible learner bugs the ppo-clipped-objective spec must catch. */
final class PpoClippedObjectiveBugs {
    private PpoClippedObjectiveBugs() {}

    /** Takes the max of the two surrogates: an optimistic bound that rewards leaving the trust region. */
    static final class MaxInsteadOfMin extends PpoClippedObjectiveReference {
        @Override
        public double objective(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon) {
            double sum = 0;
            for (int t = 0; t < logProbsNew.length; t++) {
                double ratio = Math.exp(logProbsNew[t] - logProbsOld[t]);
                double a = advantages[t];
                sum += Math.max(ratio * a, clip(ratio, 1 - clipEpsilon, 1 + clipEpsilon) * a);
            }
            return sum / logProbsNew.length;
        }
    }

    /** Clips the advantage to [1 - eps, 1 + eps] instead of the ratio. */
    static final class ClipsTheAdvantage extends PpoClippedObjectiveReference {
        @Override
        public double objective(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon) {
            double sum = 0;
            for (int t = 0; t < logProbsNew.length; t++) {
                double ratio = Math.exp(logProbsNew[t] - logProbsOld[t]);
                double a = advantages[t];
                sum += Math.min(ratio * a, ratio * clip(a, 1 - clipEpsilon, 1 + clipEpsilon));
            }
            return sum / logProbsNew.length;
        }
    }

    /** Forgets the chain rule through exp: d ratio / d logp = ratio, so the gradient lacks that factor. */
    static final class GradientMissingTheRatio extends PpoClippedObjectiveReference {
        @Override
        public double[] gradient(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon) {
            double[] g = super.gradient(logProbsNew, logProbsOld, advantages, clipEpsilon);
            for (int t = 0; t < g.length; t++) g[t] /= Math.exp(logProbsNew[t] - logProbsOld[t]);
            return g;
        }
    }

    /** Zeroes the gradient whenever the ratio is outside the range, whatever the advantage's sign. */
    static final class ZeroGradientOutsideTheRangeAlways extends PpoClippedObjectiveReference {
        @Override
        public double[] gradient(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon) {
            double[] g = super.gradient(logProbsNew, logProbsOld, advantages, clipEpsilon);
            for (int t = 0; t < g.length; t++) {
                double ratio = Math.exp(logProbsNew[t] - logProbsOld[t]);
                if (ratio > 1 + clipEpsilon || ratio < 1 - clipEpsilon) g[t] = 0;
            }
            return g;
        }
    }

    /** Inverts the ratio: exp(old - new). */
    static final class InvertedRatio extends PpoClippedObjectiveReference {
        @Override
        public double objective(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon) {
            return super.objective(logProbsOld, logProbsNew, advantages, clipEpsilon);
        }

        @Override
        public double[] gradient(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon) {
            double[] g = super.gradient(logProbsOld, logProbsNew, advantages, clipEpsilon);
            for (int t = 0; t < g.length; t++) g[t] = -g[t];
            return g;
        }
    }

    /** Treats a ratio exactly on 1 + eps (A > 0) or 1 - eps (A < 0) as clipped: >= instead of >, zero gradient on the edge. */
    static final class ClipsOnTheEdge extends PpoClippedObjectiveReference {
        @Override
        public double[] gradient(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon) {
            double[] g = super.gradient(logProbsNew, logProbsOld, advantages, clipEpsilon);
            for (int t = 0; t < g.length; t++) {
                double ratio = Math.exp(logProbsNew[t] - logProbsOld[t]);
                double a = advantages[t];
                if ((a > 0 && ratio >= 1 + clipEpsilon) || (a < 0 && ratio <= 1 - clipEpsilon)) g[t] = 0;
            }
            return g;
        }
    }

    /** Keeps the gradient in a field reused between calls. */
    static final class ReusesGradientBuffer extends PpoClippedObjectiveReference {
        private double[] buffer = new double[0];

        @Override
        public double[] gradient(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon) {
            double[] g = super.gradient(logProbsNew, logProbsOld, advantages, clipEpsilon);
            if (buffer.length != g.length) buffer = new double[g.length];
            System.arraycopy(g, 0, buffer, 0, g.length);
            return buffer;
        }
    }

    /** Computes the ratio as exp(new) / exp(old): 0 / 0 = NaN once both log-probs are below about -745. */
    static final class RatioAsQuotientOfExps extends PpoClippedObjectiveReference {
        @Override
        public double objective(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon) {
            double sum = 0;
            for (int t = 0; t < logProbsNew.length; t++) {
                double ratio = Math.exp(logProbsNew[t]) / Math.exp(logProbsOld[t]);
                double a = advantages[t];
                sum += Math.min(ratio * a, clip(ratio, 1 - clipEpsilon, 1 + clipEpsilon) * a);
            }
            return sum / logProbsNew.length;
        }

        @Override
        public double[] gradient(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon) {
            int n = logProbsNew.length;
            double[] g = new double[n];
            for (int t = 0; t < n; t++) {
                double ratio = Math.exp(logProbsNew[t]) / Math.exp(logProbsOld[t]);
                double a = advantages[t];
                boolean clipped = (a > 0 && ratio > 1 + clipEpsilon) || (a < 0 && ratio < 1 - clipEpsilon);
                g[t] = clipped ? 0.0 : ratio * a / n;
            }
            return g;
        }
    }

    /** Divides the gradient by the number of unclipped tokens (a "masked mean") instead of by T. */
    static final class GradientMeanOverUnclippedTokens extends PpoClippedObjectiveReference {
        @Override
        public double[] gradient(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon) {
            double[] g = super.gradient(logProbsNew, logProbsOld, advantages, clipEpsilon);
            int live = 0;
            for (double v : g) if (v != 0) live++;
            for (int t = 0; t < g.length; t++) g[t] = live == 0 ? 0 : g[t] * g.length / live;
            return g;
        }
    }
}
