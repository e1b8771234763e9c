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

    /** Keeps one output buffer in a field to "save allocations": the second call overwrites the first result. */
    static final class ReusesOutputBuffer extends TanhReference {
        private double[] buffer = new double[0];

        @Override
        public double[] forward(double[] x) {
            if (buffer.length != x.length) buffer = new double[x.length];
            for (int i = 0; i < x.length; i++) buffer[i] = tanh(x[i]);
            return buffer;
        }
    }

    /** The stable form with exp instead of expm1: 1 - exp(-2|x|) cancels, so tanh(1e-300) comes out 0, not 1e-300. */
    static final class ExpInsteadOfExpm1 extends TanhReference {
        @Override
        public double[] forward(double[] x) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double t = Math.exp(-2 * Math.abs(x[i]));
                double v = (1 - t) / (1 + t);
                y[i] = x[i] < 0 ? -v : v;
            }
            return y;
        }
    }

    /** A stable forward, but the backward recomputes y with the textbook ratio: NaN once |x| > 710. */
    static final class BackwardRecomputesWithTheTextbookRatio extends TanhReference {
        @Override
        public double[] backward(double[] x, double[] upstream) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double p = Math.exp(x[i]), n = Math.exp(-x[i]);
                double y = (p - n) / (p + n);
                dx[i] = upstream[i] * (1 - y * y);
            }
            return dx;
        }
    }
}
