package katagym.activations;

/** Correct softmax solutions unlike the reference: the spec must pass them on every seed. */
final class SoftmaxAlternatives {
    private SoftmaxAlternatives() {}

    /** y = exp(x - logsumexp(x)) per row; the backward builds the Jacobian diag(y) - y y^T and multiplies it out. */
    static final class ExpOfLogSoftmaxAndExplicitJacobian implements Softmax {
        static double[] row(double[] v) {
            double m = Double.NEGATIVE_INFINITY;
            for (double a : v) m = Math.max(m, a);
            double sum = 0;
            for (double a : v) sum += Math.exp(a - m);
            double lse = m + Math.log(sum);
            double[] y = new double[v.length];
            for (int j = 0; j < v.length; j++) y[j] = Math.exp(v[j] - lse);
            return y;
        }

        @Override
        public double[][] forward(double[][] x) {
            double[][] y = new double[x.length][];
            for (int r = 0; r < x.length; r++) y[r] = row(x[r]);
            return y;
        }

        @Override
        public double[][] backward(double[][] x, double[][] upstream) {
            double[][] dx = new double[x.length][];
            for (int r = 0; r < x.length; r++) {
                double[] y = row(x[r]);
                int n = y.length;
                dx[r] = new double[n];
                for (int k = 0; k < n; k++) {
                    double acc = 0;
                    for (int j = 0; j < n; j++) acc += upstream[r][j] * ((j == k ? y[j] : 0) - y[j] * y[k]);
                    dx[r][k] = acc;
                }
            }
            return dx;
        }
    }
}
