package katagym.backprop;

public class MlpBackpropReference implements MlpBackprop {

    /** relu'(z): 0 at the kink, as PyTorch takes it. */
    protected double reluDerivative(double z) {
        return z > 0 ? 1 : 0;
    }

    /** dLoss/dlogits for a mean loss: (softmax(logits[r]) - onehot(targets[r])) / n. */
    protected double[][] logitGradient(double[][] probs, int[] targets) {
        int n = probs.length;
        double[][] d = new double[n][];
        for (int r = 0; r < n; r++) {
            d[r] = new double[probs[r].length];
            for (int j = 0; j < d[r].length; j++) d[r][j] = (probs[r][j] - (j == targets[r] ? 1 : 0)) / n;
        }
        return d;
    }

    static double[][] affine(double[][] x, double[][] w, double[] b) {
        double[][] y = new double[x.length][w.length];
        for (int r = 0; r < x.length; r++) {
            for (int j = 0; j < w.length; j++) {
                double s = b[j];
                for (int i = 0; i < w[j].length; i++) s += x[r][i] * w[j][i];
                y[r][j] = s;
            }
        }
        return y;
    }

    @Override
    public Result lossAndGradients(double[][] x, int[] targets, double[][] w1, double[] b1, double[][] w2, double[] b2) {
        int n = x.length, in = w1[0].length, hidden = w1.length, classes = w2.length;
        double[][] z1 = affine(x, w1, b1);
        double[][] h = new double[n][hidden];
        for (int r = 0; r < n; r++) for (int k = 0; k < hidden; k++) h[r][k] = Math.max(0, z1[r][k]);
        double[][] logits = affine(h, w2, b2);

        double loss = 0;
        double[][] probs = new double[n][classes];
        for (int r = 0; r < n; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : logits[r]) max = Math.max(max, v);
            double sum = 0;
            for (int j = 0; j < classes; j++) sum += Math.exp(logits[r][j] - max);
            double lse = max + Math.log(sum);
            loss += lse - logits[r][targets[r]];
            for (int j = 0; j < classes; j++) probs[r][j] = Math.exp(logits[r][j] - lse);
        }
        loss /= n;

        double[][] dlogits = logitGradient(probs, targets);
        double[][] dw2 = new double[classes][hidden];
        double[] db2 = new double[classes];
        double[][] dz1 = new double[n][hidden];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < classes; j++) {
                double d = dlogits[r][j];
                db2[j] += d;
                for (int k = 0; k < hidden; k++) {
                    dw2[j][k] += d * h[r][k];
                    dz1[r][k] += d * w2[j][k];
                }
            }
            for (int k = 0; k < hidden; k++) dz1[r][k] *= reluDerivative(z1[r][k]);
        }
        double[][] dw1 = new double[hidden][in];
        double[] db1 = new double[hidden];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < hidden; k++) {
                db1[k] += dz1[r][k];
                for (int i = 0; i < in; i++) dw1[k][i] += dz1[r][k] * x[r][i];
            }
        }
        return new Result(loss, dw1, db1, dw2, db2);
    }
}
