package katagym.activations;

/** Plausible learner bugs the softmax spec must catch. */
final class SoftmaxBugs {
    private SoftmaxBugs() {}

    /** exp(x) / sum exp(x) without subtracting the max: Infinity / Infinity = NaN for large logits. */
    static final class NoMaxSubtraction extends SoftmaxReference {
        @Override
        public double[][] forward(double[][] x) {
            double[][] y = new double[x.length][];
            for (int r = 0; r < x.length; r++) {
                y[r] = new double[x[r].length];
                double sum = 0;
                for (int j = 0; j < x[r].length; j++) {
                    y[r][j] = Math.exp(x[r][j]);
                    sum += y[r][j];
                }
                for (int j = 0; j < y[r].length; j++) y[r][j] /= sum;
            }
            return y;
        }
    }

    /** Normalises over the columns (axis 0) instead of the rows (the last axis). */
    static final class OverColumns extends SoftmaxReference {
        @Override
        public double[][] forward(double[][] x) {
            int rows = x.length, cols = x[0].length;
            double[][] y = new double[rows][cols];
            for (int j = 0; j < cols; j++) {
                double[] col = new double[rows];
                for (int r = 0; r < rows; r++) col[r] = x[r][j];
                double[] s = softmax(col);
                for (int r = 0; r < rows; r++) y[r][j] = s[r];
            }
            return y;
        }
    }

    /** Keeps only the diagonal of the Jacobian, as if softmax were elementwise: dx = g y (1 - y). */
    static final class DiagonalJacobianOnly extends SoftmaxReference {
        @Override
        public double[][] backward(double[][] x, double[][] upstream) {
            double[][] dx = new double[x.length][];
            for (int r = 0; r < x.length; r++) {
                double[] y = softmax(x[r]);
                dx[r] = new double[y.length];
                for (int j = 0; j < y.length; j++) dx[r][j] = upstream[r][j] * y[j] * (1 - y[j]);
            }
            return dx;
        }
    }

    /** Forgets the -<g, y> term of the vector-Jacobian product: dx = y * g. */
    static final class BackwardForgetsTheDotProduct extends SoftmaxReference {
        @Override
        public double[][] backward(double[][] x, double[][] upstream) {
            double[][] dx = new double[x.length][];
            for (int r = 0; r < x.length; r++) {
                double[] y = softmax(x[r]);
                dx[r] = new double[y.length];
                for (int j = 0; j < y.length; j++) dx[r][j] = y[j] * upstream[r][j];
            }
            return dx;
        }
    }
}
