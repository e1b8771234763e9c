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

    /** Subtracts the maximum of the whole matrix, not each row's: a row far below the others underflows to 0 / 0. */
    static final class SubtractsTheGlobalMax extends SoftmaxReference {
        @Override
        public double[][] forward(double[][] x) {
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : x) for (double v : row) max = Math.max(max, v);
            double[][] y = new double[x.length][];
            for (int r = 0; r < x.length; r++) {
                double sum = 0;
                for (double v : x[r]) sum += Math.exp(v - max);
                y[r] = new double[x[r].length];
                for (int j = 0; j < x[r].length; j++) y[r][j] = Math.exp(x[r][j] - max) / sum;
            }
            return y;
        }
    }

    /** Allocates the result as new double[x.length][x[0].length]: a matrix with no rows throws instead of giving no rows. */
    static final class AllocatesFromTheFirstRow extends SoftmaxReference {
        @Override
        public double[][] forward(double[][] x) {
            double[][] y = new double[x.length][x[0].length];
            double[][] rows = super.forward(x);
            for (int r = 0; r < x.length; r++) System.arraycopy(rows[r], 0, y[r], 0, rows[r].length);
            return y;
        }

        @Override
        public double[][] backward(double[][] x, double[][] upstream) {
            double[][] dx = new double[x.length][x[0].length];
            double[][] rows = super.backward(x, upstream);
            for (int r = 0; r < x.length; r++) System.arraycopy(rows[r], 0, dx[r], 0, rows[r].length);
            return dx;
        }
    }

    /** Keeps the output matrix in a field and refills it when the shape matches: the next call overwrites the last result. */
    static final class ReusesOutputBuffer extends SoftmaxReference {
        private double[][] buffer = new double[0][];

        @Override
        public double[][] forward(double[][] x) {
            double[][] fresh = super.forward(x);
            if (buffer.length != x.length || (x.length > 0 && buffer[0].length != x[0].length)) buffer = new double[x.length][x.length == 0 ? 0 : x[0].length];
            for (int r = 0; r < x.length; r++) System.arraycopy(fresh[r], 0, buffer[r], 0, fresh[r].length);
            return buffer;
        }
    }
}
