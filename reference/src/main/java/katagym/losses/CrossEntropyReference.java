package katagym.losses;

public class CrossEntropyReference implements CrossEntropy {

    /** log_softmax of one row via the max-subtracted log-sum-exp: exp never sees a positive argument. */
    static double[] logSoftmax(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) max = Math.max(max, v);
        double sum = 0;
        for (double v : row) sum += Math.exp(v - max);
        double logSum = Math.log(sum);
        double[] out = new double[row.length];
        for (int c = 0; c < row.length; c++) out[c] = (row[c] - max) - logSum;
        return out;
    }

    /** The smoothed target distribution: (1 - eps) on the target plus eps / C on every class. */
    static double[] smoothedTarget(int classes, int target, double eps) {
        double[] q = new double[classes];
        for (int c = 0; c < classes; c++) q[c] = eps / classes;
        q[target] += 1 - eps;
        return q;
    }

    @Override
    public double loss(double[][] logits, int[] targets, double labelSmoothing) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double[] logp = logSoftmax(logits[i]);
            double[] q = smoothedTarget(logp.length, targets[i], labelSmoothing);
            for (int c = 0; c < logp.length; c++) sum -= q[c] * logp[c];
        }
        return sum / logits.length;
    }

    @Override
    public double[][] gradient(double[][] logits, int[] targets, double labelSmoothing) {
        int n = logits.length;
        double[][] g = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] logp = logSoftmax(logits[i]);
            double[] q = smoothedTarget(logp.length, targets[i], labelSmoothing);
            g[i] = new double[logp.length];
            for (int c = 0; c < logp.length; c++) g[i][c] = (Math.exp(logp[c]) - q[c]) / n;
        }
        return g;
    }
}
