package katagym.peft;

/** Correct LoRA layers written differently from the reference. */
final class LoraLinearAlternatives {
    private LoraLinearAlternatives() {}

    /**
     * Forward through the merged weight (x (w0 + s b a)^T + bias), merge and unmerge one entry at a
     * time, and backward with the other association: dA = s b^T (upstream^T x), dB = s (upstream^T x) a^T.
     */
    static final class ThroughTheMergedWeight implements LoraLinear {
        private static double[][] addScaledBA(double[][] w, double[][] a, double[][] b, double s) {
            int out = w.length, in = w[0].length, r = a.length;
            double[][] m = new double[out][in];
            for (int o = 0; o < out; o++) {
                for (int j = 0; j < in; j++) {
                    double ba = 0;
                    for (int k = 0; k < r; k++) ba += b[o][k] * a[k][j];
                    m[o][j] = w[o][j] + s * ba;
                }
            }
            return m;
        }

        @Override
        public double[][] forward(double[][] x, double[][] w0, double[] bias, double[][] a, double[][] b, double alpha) {
            double[][] w = addScaledBA(w0, a, b, alpha / a.length);
            double[][] y = new double[x.length][w.length];
            for (int i = 0; i < x.length; i++) {
                for (int o = 0; o < w.length; o++) {
                    double v = bias[o];
                    for (int j = 0; j < x[i].length; j++) v += x[i][j] * w[o][j];
                    y[i][o] = v;
                }
            }
            return y;
        }

        @Override
        public double[][] merge(double[][] w0, double[][] a, double[][] b, double alpha) {
            return addScaledBA(w0, a, b, alpha / a.length);
        }

        @Override
        public double[][] unmerge(double[][] merged, double[][] a, double[][] b, double alpha) {
            return addScaledBA(merged, a, b, -alpha / a.length);
        }

        @Override
        public Grads backward(double[][] x, double[][] a, double[][] b, double alpha, double[][] upstream) {
            double s = alpha / a.length;
            int r = a.length, in = a[0].length, out = b.length, n = x.length;
            double[][] g = new double[out][in]; // upstream^T x
            for (int o = 0; o < out; o++)
                for (int j = 0; j < in; j++)
                    for (int i = 0; i < n; i++) g[o][j] += upstream[i][o] * x[i][j];
            double[][] dA = new double[r][in], dB = new double[out][r];
            for (int k = 0; k < r; k++)
                for (int j = 0; j < in; j++) {
                    double v = 0;
                    for (int o = 0; o < out; o++) v += b[o][k] * g[o][j];
                    dA[k][j] = s * v;
                }
            for (int o = 0; o < out; o++)
                for (int k = 0; k < r; k++) {
                    double v = 0;
                    for (int j = 0; j < in; j++) v += g[o][j] * a[k][j];
                    dB[o][k] = s * v;
                }
            return new Grads(dA, dB);
        }

        @Override
        public long trainableParameters(int in, int out, int r) {
            return (long) r * in + (long) r * out;
        }
    }
}
