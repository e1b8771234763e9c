package katagym.activations;

/** Correct log-softmax solutions unlike the reference: the spec must pass them on every seed. */
final class LogSoftmaxAlternatives {
    private LogSoftmaxAlternatives() {}

    /** Centres first: y = (x - m) - log(sum exp(x - m)); the backward recovers softmax as exp(y) and sums g once. */
    static final class CentredFirst implements LogSoftmax {
        static double[] row(double[] v) {
            double m = Double.NEGATIVE_INFINITY;
            for (double a : v) m = Math.max(m, a);
            double sum = 0;
            for (double a : v) sum += Math.exp(a - m);
            double log = Math.log(sum);
            double[] y = new double[v.length];
            for (int j = 0; j < v.length; j++) y[j] = (v[j] - m) - log;
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
                double total = 0;
                for (double g : upstream[r]) total += g;
                dx[r] = new double[y.length];
                for (int j = 0; j < y.length; j++) dx[r][j] = upstream[r][j] - Math.exp(y[j]) * total;
            }
            return dx;
        }
    }
}
