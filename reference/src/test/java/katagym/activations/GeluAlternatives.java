package katagym.activations;

/** Correct GELU solutions unlike the reference: the spec must pass them on every seed. */
final class GeluAlternatives {
    private GeluAlternatives() {}

    /**
     * The tanh form through the identity 0.5 (1 + tanh u) = sigmoid(2u), with a stable sigmoid; its
     * derivative as sigmoid'(2u) = s (1 - s). The exact form with Phi(x) written as 1 - Phi(-x) on the right.
     */
    static final class SigmoidOfTwoU implements Gelu {
        static final double C = Math.sqrt(2 / Math.PI), K = 0.044715;

        static double sigmoid(double z) {
            if (z >= 0) return 1 / (1 + Math.exp(-z));
            double e = Math.exp(z);
            return e / (1 + e);
        }

        static double phiCdf(double x) {
            return x >= 0 ? 1 - 0.5 * (1 + Gelu.erf(-x / Math.sqrt(2))) : 0.5 * (1 + Gelu.erf(x / Math.sqrt(2)));
        }

        @Override
        public double[] forward(double[] x) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) y[i] = x[i] * phiCdf(x[i]);
            return y;
        }

        @Override
        public double[] backward(double[] x, double[] upstream) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                double pdf = Math.exp(-v * v / 2) / Math.sqrt(2 * Math.PI);
                dx[i] = upstream[i] * (phiCdf(v) + v * pdf);
            }
            return dx;
        }

        @Override
        public double[] forwardTanh(double[] x) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                y[i] = v * sigmoid(2 * C * (v + K * v * v * v));
            }
            return y;
        }

        @Override
        public double[] backwardTanh(double[] x, double[] upstream) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                double s = sigmoid(2 * C * (v + K * v * v * v));
                dx[i] = upstream[i] * (s + v * s * (1 - s) * 2 * C * (1 + 3 * K * v * v));
            }
            return dx;
        }
    }
}
