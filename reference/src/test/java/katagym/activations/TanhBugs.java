package katagym.activations;

/** Plausible learner bugs the tanh spec must catch. */
final class TanhBugs {
    private TanhBugs() {}

    /** The textbook (e^x - e^-x) / (e^x + e^-x): inf / inf = NaN once |x| > 710. */
    static final class TextbookExpRatio extends TanhReference {
        @Override
        public double[] forward(double[] x) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double p = Math.exp(x[i]), n = Math.exp(-x[i]);
                y[i] = (p - n) / (p + n);
            }
            return y;
        }
    }

    /** Writes the derivative as 1 - y instead of 1 - y^2. */
    static final class DerivativeMissingSquare extends TanhReference {
        @Override
        public double[] backward(double[] x, double[] upstream) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) dx[i] = upstream[i] * (1 - tanh(x[i]));
            return dx;
        }
    }

    /** Squares the input instead of the output: 1 - x^2. */
    static final class DerivativeSquaresTheInput extends TanhReference {
        @Override
        public double[] backward(double[] x, double[] upstream) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) dx[i] = upstream[i] * (1 - x[i] * x[i]);
            return dx;
        }
    }
}
