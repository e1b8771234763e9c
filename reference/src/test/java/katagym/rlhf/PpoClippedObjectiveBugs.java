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
}
