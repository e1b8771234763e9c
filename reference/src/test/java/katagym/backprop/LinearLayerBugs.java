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

    /** Keeps dw and db in fields and adds into them on every call, as if the gradient were never zeroed between steps. */
    static final class AccumulatesGradientsAcrossCalls extends LinearLayerReference {
        private double[][] dw;
        private double[] db;

        @Override
        public Grads backward(double[][] x, double[][] w, double[] b, double[][] upstream) {
            Grads g = super.backward(x, w, b, upstream);
            if (dw == null || dw.length != g.dw().length || dw[0].length != g.dw()[0].length) {
                dw = new double[g.dw().length][g.dw()[0].length];
                db = new double[g.db().length];
            }
            for (int j = 0; j < dw.length; j++) {
                db[j] += g.db()[j];
                for (int i = 0; i < dw[j].length; i++) dw[j][i] += g.dw()[j][i];
            }
            return new Grads(g.dx(), dw, db);
        }
    }

    /** Assigns dw[j][i] = upstream[r][j] * x[r][i] inside the batch loop: only the last row's contribution survives. */
    static final class WeightGradientOverwrittenPerRow extends LinearLayerReference {
        @Override
        public Grads backward(double[][] x, double[][] w, double[] b, double[][] upstream) {
            Grads g = super.backward(x, w, b, upstream);
            int last = x.length - 1;
            double[][] dw = new double[w.length][w[0].length];
            for (int j = 0; j < w.length; j++) for (int i = 0; i < w[0].length; i++) dw[j][i] = upstream[last][j] * x[last][i];
            return new Grads(g.dx(), x.length == 0 ? g.dw() : dw, g.db());
        }
    }

    /** Reads the input width from x[0].length: an empty batch (n = 0) throws instead of giving zero gradients. */
    static final class EmptyBatchReadsTheFirstRow extends LinearLayerReference {
        @Override
        public double[][] forward(double[][] x, double[][] w, double[] b) {
            int in = x[0].length;
            return super.forward(x, w, b);
        }

        @Override
        public Grads backward(double[][] x, double[][] w, double[] b, double[][] upstream) {
            int in = x[0].length;
            return super.backward(x, w, b, upstream);
        }
    }
}
