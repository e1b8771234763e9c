package katagym.regularization;

/** Correct dropout solutions unlike the reference: the spec must pass them on every seed. */
final class DropoutAlternatives {
    private DropoutAlternatives() {}

    /** Builds a 0/1 mask, multiplies by it, then divides by 1 - p (another rounding than multiplying by 1 / (1 - p)). */
    static final class MaskThenDivide implements Dropout {
        static double[] mask(double[] u, double p) {
            double[] m = new double[u.length];
            for (int i = 0; i < u.length; i++) m[i] = u[i] < p ? 0.0 : 1.0;
            return m;
        }

        static double[] apply(double[] v, double[] u, double p, boolean divide) {
            double[] m = mask(u, p), y = new double[v.length];
            for (int i = 0; i < v.length; i++) y[i] = divide ? v[i] * m[i] / (1 - p) : v[i] * m[i];
            return y;
        }

        @Override public double[] invertedTrain(double[] x, double[] u, double p) { return apply(x, u, p, true); }
        @Override public double[] invertedEval(double[] x, double p) { return java.util.Arrays.copyOf(x, x.length); }
        @Override public double[] invertedBackward(double[] upstream, double[] u, double p) { return apply(upstream, u, p, true); }
        @Override public double[] classicTrain(double[] x, double[] u, double p) { return apply(x, u, p, false); }

        @Override
        public double[] classicInference(double[] x, double p) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) y[i] = x[i] - p * x[i];
            return y;
        }

        @Override public double[] classicBackward(double[] upstream, double[] u, double p) { return apply(upstream, u, p, false); }
    }
}
