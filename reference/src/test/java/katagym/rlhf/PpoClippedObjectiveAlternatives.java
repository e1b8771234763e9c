package katagym.rlhf;

/** Correct PPO objectives written differently from the reference. */
final class PpoClippedObjectiveAlternatives {
    private PpoClippedObjectiveAlternatives() {}

    /**
     * Branches on the advantage's sign instead of taking a min: for A >= 0 the objective is
     * min(ratio, 1 + eps) * A, for A < 0 it is max(ratio, 1 - eps) * A; the gradient follows the branch.
     */
    static final class BranchOnTheAdvantageSign implements PpoClippedObjective {
        @Override
        public double objective(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon) {
            double sum = 0;
            for (int t = 0; t < logProbsNew.length; t++) {
                double ratio = Math.exp(logProbsNew[t] - logProbsOld[t]);
                double a = advantages[t];
                sum += a >= 0 ? Math.min(ratio, 1 + clipEpsilon) * a : Math.max(ratio, 1 - clipEpsilon) * a;
            }
            return sum / logProbsNew.length;
        }

        @Override
        public double[] gradient(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon) {
            int n = logProbsNew.length;
            double[] g = new double[n];
            for (int t = 0; t < n; t++) {
                double ratio = Math.exp(logProbsNew[t] - logProbsOld[t]);
                double a = advantages[t];
                boolean live = a >= 0 ? !(ratio > 1 + clipEpsilon) : !(ratio < 1 - clipEpsilon);
                if (live) g[t] = ratio * a / n;
            }
            return g;
        }
    }
}
