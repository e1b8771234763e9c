package katagym.activations;

/** Plausible learner bugs the log-softmax spec must catch. */
final class LogSoftmaxBugs {
    private LogSoftmaxBugs() {}

    /** log of a (stable) softmax: entries that underflow to 0 become log(0) = -Infinity. */
    static final class LogOfSoftmax extends LogSoftmaxReference {
        @Override
        public double[][] forward(double[][] x) {
            double[][] y = new SoftmaxReference().forward(x);
            for (double[] row : y) for (int j = 0; j < row.length; j++) row[j] = Math.log(row[j]);
            return y;
        }
    }

    /** log(sum exp(x)) without the max: exp overflows to Infinity for large logits. */
    static final class NoMaxSubtraction extends LogSoftmaxReference {
        @Override
        public double[][] forward(double[][] x) {
            double[][] y = new double[x.length][];
            for (int r = 0; r < x.length; r++) {
                double sum = 0;
                for (double v : x[r]) sum += Math.exp(v);
                double lse = Math.log(sum);
                y[r] = new double[x[r].length];
                for (int j = 0; j < x[r].length; j++) y[r][j] = x[r][j] - lse;
            }
            return y;
        }
    }

    /** Multiplies softmax by g elementwise instead of by the row's total upstream: dx = g - p * g. */
    static final class BackwardElementwiseInsteadOfRowSum extends LogSoftmaxReference {
        @Override
        public double[][] backward(double[][] x, double[][] upstream) {
            double[][] dx = new double[x.length][];
            for (int r = 0; r < x.length; r++) {
                double lse = logSumExp(x[r]);
                dx[r] = new double[x[r].length];
                for (int j = 0; j < x[r].length; j++) dx[r][j] = upstream[r][j] - Math.exp(x[r][j] - lse) * upstream[r][j];
            }
            return dx;
        }
    }

    /** Forgets that the log-sum-exp depends on x: dx = upstream, the derivative of x alone. */
    static final class BackwardTreatsLogSumExpAsConstant extends LogSoftmaxReference {
        @Override
        public double[][] backward(double[][] x, double[][] upstream) {
            double[][] dx = new double[x.length][];
            for (int r = 0; r < x.length; r++) dx[r] = upstream[r].clone();
            return dx;
        }
    }

    /** Subtracts the maximum of the whole matrix, not each row's: a row far below the others underflows to 0 / 0. */
    static final class SubtractsTheGlobalMax extends LogSoftmaxReference {
        @Override
        public double[][] forward(double[][] x) {
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : x) for (double v : row) max = Math.max(max, v);
            double[][] y = new double[x.length][];
            for (int r = 0; r < x.length; r++) {
                double sum = 0;
                for (double v : x[r]) sum += Math.exp(v - max);
                y[r] = new double[x[r].length];
                for (int j = 0; j < x[r].length; j++) y[r][j] = x[r][j] - max - Math.log(sum);
            }
            return y;
        }
    }

    /** Allocates the result as new double[x.length][x[0].length]: a matrix with no rows throws instead of giving no rows. */
    static final class AllocatesFromTheFirstRow extends LogSoftmaxReference {
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
    static final class ReusesOutputBuffer extends LogSoftmaxReference {
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
