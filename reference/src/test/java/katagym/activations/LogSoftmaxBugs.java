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
}
