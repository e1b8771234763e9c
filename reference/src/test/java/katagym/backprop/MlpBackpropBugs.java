package katagym.backprop;

/** Plausible learner bugs the mlp-backprop spec must catch. */
final class MlpBackpropBugs {
    private MlpBackpropBugs() {}

    /** Passes the gradient through the ReLU where z >= 0, so a unit sitting exactly at 0 still learns. */
    static final class ReluGradientAtZero extends MlpBackpropReference {
        @Override
        protected double reluDerivative(double z) {
            return z >= 0 ? 1 : 0;
        }
    }

    /** Uses softmax(logits) as dLoss/dlogits, forgetting to subtract the one-hot target. */
    static final class LogitGradientWithoutOneHot extends MlpBackpropReference {
        @Override
        protected double[][] logitGradient(double[][] probs, int[] targets) {
            double[][] d = new double[probs.length][];
            for (int r = 0; r < probs.length; r++) {
                d[r] = probs[r].clone();
                for (int j = 0; j < d[r].length; j++) d[r][j] /= probs.length;
            }
            return d;
        }
    }

    /** Averages the loss but not the gradients: dLoss/dlogits lacks the 1/n of the mean. */
    static final class GradientsNotDividedByBatch extends MlpBackpropReference {
        @Override
        protected double[][] logitGradient(double[][] probs, int[] targets) {
            double[][] d = super.logitGradient(probs, targets);
            for (double[] row : d) for (int j = 0; j < row.length; j++) row[j] *= probs.length;
            return d;
        }
    }

    /** Takes the first-layer bias gradient from the first row of the batch only. */
    static final class HiddenBiasGradientNotSummed extends MlpBackpropReference {
        @Override
        public Result lossAndGradients(double[][] x, int[] targets, double[][] w1, double[] b1, double[][] w2, double[] b2) {
            Result full = super.lossAndGradients(x, targets, w1, b1, w2, b2);
            Result first = super.lossAndGradients(new double[][] {x[0]}, new int[] {targets[0]}, w1, b1, w2, b2);
            double[] db1 = first.db1().clone();
            for (int k = 0; k < db1.length; k++) db1[k] /= x.length;
            return new Result(full.loss(), full.dw1(), db1, full.dw2(), full.db2());
        }
    }
}
