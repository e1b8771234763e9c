package katagym.rlhf;

public class PpoClippedObjectiveReference implements PpoClippedObjective {

    static double clip(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    @Override
    public double objective(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon) {
        int n = logProbsNew.length;
        double sum = 0;
        for (int t = 0; t < n; t++) {
            double ratio = Math.exp(logProbsNew[t] - logProbsOld[t]);
            double a = advantages[t];
            sum += Math.min(ratio * a, clip(ratio, 1 - clipEpsilon, 1 + clipEpsilon) * a);
        }
        return sum / n;
    }

    /**
     * d(ratio)/d(logProbsNew) = ratio. The clipped term is constant where the clip is active, and the
     * min picks it exactly when the clip binds against the advantage. At a tie (ratio inside the range,
     * or exactly on its edge) PyTorch's min splits the gradient evenly between two equal terms of equal
     * gradient, which sums to ratio * A again.
     */
    @Override
    public double[] gradient(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon) {
        int n = logProbsNew.length;
        double[] g = new double[n];
        for (int t = 0; t < n; t++) {
            double ratio = Math.exp(logProbsNew[t] - logProbsOld[t]);
            double a = advantages[t];
            boolean clipped = (a > 0 && ratio > 1 + clipEpsilon) || (a < 0 && ratio < 1 - clipEpsilon);
            g[t] = clipped ? 0.0 : ratio * a / n;
        }
        return g;
    }
}
