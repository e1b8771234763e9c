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

    /** Computes log(sum exp(logits)) without subtracting the maximum: exp(1000) overflows and the loss is Infinity or NaN. */
    static final class LogSumExpWithoutMaxSubtraction extends MlpBackpropReference {
        @Override
        public Result lossAndGradients(double[][] x, int[] targets, double[][] w1, double[] b1, double[][] w2, double[] b2) {
            Result r = super.lossAndGradients(x, targets, w1, b1, w2, b2);
            double[][] h = affine(x, w1, b1);
            for (double[] row : h) for (int k = 0; k < row.length; k++) row[k] = Math.max(0, row[k]);
            double[][] logits = affine(h, w2, b2);
            double loss = 0;
            for (int i = 0; i < logits.length; i++) {
                double sum = 0;
                for (double l : logits[i]) sum += Math.exp(l);
                loss += Math.log(sum) - logits[i][targets[i]];
            }
            return new Result(loss / x.length, r.dw1(), r.db1(), r.dw2(), r.db2());
        }
    }

    /** The loss as -log(softmax[target]): the probability underflows to 0 for logits 1e3 apart and the loss is Infinity. */
    static final class LossFromTheLogOfAnUnderflowedProbability extends MlpBackpropReference {
        @Override
        public Result lossAndGradients(double[][] x, int[] targets, double[][] w1, double[] b1, double[][] w2, double[] b2) {
            Result r = super.lossAndGradients(x, targets, w1, b1, w2, b2);
            double[][] h = affine(x, w1, b1);
            for (double[] row : h) for (int k = 0; k < row.length; k++) row[k] = Math.max(0, row[k]);
            double[][] logits = affine(h, w2, b2);
            double loss = 0;
            for (int i = 0; i < logits.length; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (double l : logits[i]) max = Math.max(max, l);
                double sum = 0;
                for (double l : logits[i]) sum += Math.exp(l - max);
                loss -= Math.log(Math.exp(logits[i][targets[i]] - max) / sum);
            }
            return new Result(loss / x.length, r.dw1(), r.db1(), r.dw2(), r.db2());
        }
    }

    /** dW2 = dlogits^T z1, the pre-activation, instead of h = relu(z1). */
    static final class OutputWeightGradientFromThePreActivation extends MlpBackpropReference {
        @Override
        public Result lossAndGradients(double[][] x, int[] targets, double[][] w1, double[] b1, double[][] w2, double[] b2) {
            Result r = super.lossAndGradients(x, targets, w1, b1, w2, b2);
            double[][] z1 = affine(x, w1, b1);
            double[][] h = affine(x, w1, b1);
            for (double[] row : h) for (int k = 0; k < row.length; k++) row[k] = Math.max(0, row[k]);
            double[][] logits = affine(h, w2, b2);
            double[][] dw2 = new double[w2.length][w1.length];
            for (int i = 0; i < x.length; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (double l : logits[i]) max = Math.max(max, l);
                double sum = 0;
                for (double l : logits[i]) sum += Math.exp(l - max);
                for (int j = 0; j < w2.length; j++) {
                    double d = (Math.exp(logits[i][j] - max) / sum - (j == targets[i] ? 1 : 0)) / x.length;
                    for (int k = 0; k < w1.length; k++) dw2[j][k] += d * z1[i][k];
                }
            }
            return new Result(r.loss(), r.dw1(), r.db1(), dw2, r.db2());
        }
    }
}
