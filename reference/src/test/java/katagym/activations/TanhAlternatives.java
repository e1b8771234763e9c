package katagym.activations;

/** Correct tanh solutions unlike the reference: the spec must pass them on every seed. */
final class TanhAlternatives {
    private TanhAlternatives() {}

    /** The JDK's Math.tanh, and 1 - y^2 written as (1 - y)(1 + y). */
    static final class JdkTanh implements Tanh {
        @Override
        public double[] forward(double[] x) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) y[i] = Math.tanh(x[i]);
            return y;
        }

        @Override
        public double[] backward(double[] x, double[] upstream) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double y = Math.tanh(x[i]);
                dx[i] = upstream[i] * (1 - y) * (1 + y);
            }
            return dx;
        }
    }

    /** sinh / cosh below |x| = 20, where tanh already rounds to ±1, and the sign beyond; the derivative as 1 / cosh^2. */
    static final class SinhOverCoshWithSaturation implements Tanh {
        static double tanh(double x) {
            return Math.abs(x) > 20 ? Math.copySign(1.0, x) : Math.sinh(x) / Math.cosh(x);
        }

        @Override
        public double[] forward(double[] x) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) y[i] = tanh(x[i]);
            return y;
        }

        @Override
        public double[] backward(double[] x, double[] upstream) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double c = Math.cosh(x[i]); // Infinity for |x| > 710: 1 / Infinity^2 = 0, as it should
                dx[i] = upstream[i] / (c * c);
            }
            return dx;
        }
    }
}
