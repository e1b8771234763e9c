package katagym.backprop;

/** Plausible learner bugs the linear-layer spec must catch. */
final class LinearLayerBugs {
    private LinearLayerBugs() {}

    /** Averages the bias gradient over the batch instead of summing it. */
    static final class BiasGradientNotSummed extends LinearLayerReference {
        @Override
        public Grads backward(double[][] x, double[][] w, double[] b, double[][] upstream) {
            Grads g = super.backward(x, w, b, upstream);
            double[] db = g.db().clone();
            for (int j = 0; j < db.length; j++) db[j] /= x.length;
            return new Grads(g.dx(), g.dw(), db);
        }
    }

    /** Returns dW = x^T upstream, shaped [in][out]: the transpose of W's layout. */
    static final class WeightGradientTransposed extends LinearLayerReference {
        @Override
        public Grads backward(double[][] x, double[][] w, double[] b, double[][] upstream) {
            Grads g = super.backward(x, w, b, upstream);
            int out = g.dw().length, in = out == 0 ? 0 : g.dw()[0].length;
            double[][] t = new double[in][out];
            for (int j = 0; j < out; j++) for (int i = 0; i < in; i++) t[i][j] = g.dw()[j][i];
            return new Grads(g.dx(), t, g.db());
        }
    }

    /** Computes x W instead of x W^T (reads w as [in][out]); works only when the layer is square. */
    static final class ForwardUsesWUntransposed extends LinearLayerReference {
        @Override
        public double[][] forward(double[][] x, double[][] w, double[] b) {
            double[][] y = new double[x.length][b.length];
            for (int r = 0; r < x.length; r++) {
                for (int j = 0; j < b.length; j++) {
                    double s = b[j];
                    for (int i = 0; i < x[r].length; i++) s += x[r][i] * w[i][j];
                    y[r][j] = s;
                }
            }
            return y;
        }
    }
}
