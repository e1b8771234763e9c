package katagym.backprop;

/** Correct solutions written unlike the reference: the spec must accept them on every seed. */
final class LinearLayerAlternatives {
    private LinearLayerAlternatives() {}

    /** Separate matrix products for each gradient, with the input index outermost (another loop order and rounding). */
    static final class SeparateProductsInputOuter implements LinearLayer {
        @Override
        public double[][] forward(double[][] x, double[][] w, double[] b) {
            double[][] y = new double[x.length][];
            for (int r = 0; r < x.length; r++) y[r] = b.clone();
            for (int i = 0; i < (w.length == 0 ? 0 : w[0].length); i++)
                for (int r = 0; r < x.length; r++)
                    for (int j = 0; j < w.length; j++) y[r][j] += x[r][i] * w[j][i];
            return y;
        }

        @Override
        public Grads backward(double[][] x, double[][] w, double[] b, double[][] upstream) {
            int n = x.length, out = w.length, in = out == 0 ? 0 : w[0].length;
            double[][] dx = new double[n][in];
            for (int r = 0; r < n; r++)
                for (int i = 0; i < in; i++) {
                    double s = 0;
                    for (int j = 0; j < out; j++) s += upstream[r][j] * w[j][i];
                    dx[r][i] = s;
                }
            double[][] dw = new double[out][in];
            for (int j = 0; j < out; j++)
                for (int i = 0; i < in; i++) {
                    double s = 0;
                    for (int r = 0; r < n; r++) s += upstream[r][j] * x[r][i];
                    dw[j][i] = s;
                }
            double[] db = new double[out];
            for (int j = 0; j < out; j++) for (int r = 0; r < n; r++) db[j] += upstream[r][j];
            return new Grads(dx, dw, db);
        }
    }
}
