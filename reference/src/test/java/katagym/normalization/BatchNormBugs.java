package katagym.normalization;

/** Plausible learner bugs the batch-norm spec must catch. */
final class BatchNormBugs {
    private BatchNormBugs() {}

    /** Normalises with the batch's own statistics in eval mode too. */
    static final class EvalUsesBatchStatistics extends BatchNormReference {
        @Override
        public double[][] forwardEval(double[][] x, double[] gamma, double[] beta, double[] runningMean, double[] runningVar, double eps) {
            double[][] stats = batchStatistics(x);
            return normalise(x, gamma, beta, stats[0], stats[1], eps);
        }
    }

    /** One-pass training variance mean(x^2) - mu^2: right on paper, catastrophic cancellation for columns far from zero. */
    static final class OnePassVariance extends BatchNormReference {
        @Override
        public TrainResult forwardTrain(double[][] x, double[] gamma, double[] beta, double[] runningMean, double[] runningVar,
                                        double momentum, double eps) {
            int n = x.length, d = gamma.length;
            double[] mean = new double[d], var = new double[d], rm = new double[d], rv = new double[d];
            for (int j = 0; j < d; j++) {
                double s = 0, q = 0;
                for (double[] row : x) { s += row[j]; q += row[j] * row[j]; }
                mean[j] = s / n;
                var[j] = q / n - mean[j] * mean[j];
                rm[j] = (1 - momentum) * runningMean[j] + momentum * mean[j];
                rv[j] = (1 - momentum) * runningVar[j] + momentum * runningVarianceSample(var[j], n);
            }
            return new TrainResult(normalise(x, gamma, beta, mean, var, eps), rm, rv);
        }
    }

    /** Updates the running variance with the biased batch variance. */
    static final class RunningVarianceBiased extends BatchNormReference {
        @Override
        protected double runningVarianceSample(double biasedVar, int n) {
            return biasedVar;
        }
    }

    /** Keras-style momentum: keeps momentum of the new statistic and 1 - momentum of the old. */
    static final class MomentumWeighsTheWrongTerm extends BatchNormReference {
        @Override
        public TrainResult forwardTrain(double[][] x, double[] gamma, double[] beta, double[] runningMean, double[] runningVar,
                                        double momentum, double eps) {
            return super.forwardTrain(x, gamma, beta, runningMean, runningVar, 1 - momentum, eps);
        }
    }

    /** Treats the batch mean and variance as constants in backward: dx = upstream * gamma / sigma. */
    static final class BackwardIgnoresTheStatistics extends BatchNormReference {
        @Override
        public Grads backward(double[][] x, double[] gamma, double[] beta, double eps, double[][] upstream) {
            Grads g = super.backward(x, gamma, beta, eps, upstream);
            double[][] stats = batchStatistics(x);
            double[][] dx = new double[x.length][gamma.length];
            for (int r = 0; r < x.length; r++)
                for (int j = 0; j < gamma.length; j++) dx[r][j] = upstream[r][j] * gamma[j] / Math.sqrt(stats[1][j] + eps);
            return new Grads(dx, g.dgamma(), g.dbeta());
        }
    }
}
