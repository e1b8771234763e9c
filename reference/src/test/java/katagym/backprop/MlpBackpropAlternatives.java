package katagym.backprop;

/** Correct solutions written unlike the reference: the spec must accept them on every seed. */
final class MlpBackpropAlternatives {
    private MlpBackpropAlternatives() {}

    /** Row by row: the ReLU mask read from h > 0, the loss as log1p(sum of the other exponentials) + max - logit. */
    static final class RowByRowWithLog1p implements MlpBackprop {
        @Override
        public Result lossAndGradients(double[][] x, int[] targets, double[][] w1, double[] b1, double[][] w2, double[] b2) {
            int n = x.length, hidden = w1.length, in = w1[0].length, classes = w2.length;
            double[][] dw1 = new double[hidden][in], dw2 = new double[classes][hidden];
            double[] db1 = new double[hidden], db2 = new double[classes];
            double loss = 0;
            for (int r = 0; r < n; r++) {
                double[] h = new double[hidden];
                for (int k = 0; k < hidden; k++) {
                    double z = b1[k];
                    for (int i = 0; i < in; i++) z += w1[k][i] * x[r][i];
                    h[k] = z > 0 ? z : 0;
                }
                double[] logits = new double[classes];
                int arg = 0;
                for (int j = 0; j < classes; j++) {
                    double z = b2[j];
                    for (int k = 0; k < hidden; k++) z += w2[j][k] * h[k];
                    logits[j] = z;
                    if (z > logits[arg]) arg = j;
                }
                double rest = 0;
                for (int j = 0; j < classes; j++) if (j != arg) rest += Math.exp(logits[j] - logits[arg]);
                double lse = logits[arg] + Math.log1p(rest);
                loss += lse - logits[targets[r]];
                double[] dh = new double[hidden];
                for (int j = 0; j < classes; j++) {
                    double d = (Math.exp(logits[j] - lse) - (j == targets[r] ? 1 : 0)) / n;
                    db2[j] += d;
                    for (int k = 0; k < hidden; k++) {
                        dw2[j][k] += d * h[k];
                        dh[k] += d * w2[j][k];
                    }
                }
                for (int k = 0; k < hidden; k++) {
                    if (h[k] <= 0) continue;
                    db1[k] += dh[k];
                    for (int i = 0; i < in; i++) dw1[k][i] += dh[k] * x[r][i];
                }
            }
            return new Result(loss / n, dw1, db1, dw2, db2);
        }
    }
}
