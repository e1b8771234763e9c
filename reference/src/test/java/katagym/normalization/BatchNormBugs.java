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

    /** Keeps the eval output in a field to save allocations: the next call overwrites the caller's earlier output. */
    static final class ReusesEvalOutputBuffer extends BatchNormReference {
        private double[][] buffer = new double[0][];

        @Override
        public double[][] forwardEval(double[][] x, double[] gamma, double[] beta, double[] runningMean, double[] runningVar, double eps) {
            double[][] y = super.forwardEval(x, gamma, beta, runningMean, runningVar, eps);
            if (buffer.length != y.length || buffer[0].length != y[0].length) buffer = new double[y.length][y[0].length];
            for (int r = 0; r < y.length; r++) System.arraycopy(y[r], 0, buffer[r], 0, y[r].length);
            return buffer;
        }
    }

    /** Updates the running statistics in place, as PyTorch does with its buffers, and returns the caller's arrays. */
    static final class UpdatesRunningStatisticsInPlace extends BatchNormReference {
        @Override
        public TrainResult forwardTrain(double[][] x, double[] gamma, double[] beta, double[] runningMean, double[] runningVar,
                                        double momentum, double eps) {
            TrainResult t = super.forwardTrain(x, gamma, beta, runningMean, runningVar, momentum, eps);
            System.arraycopy(t.runningMean(), 0, runningMean, 0, runningMean.length);
            System.arraycopy(t.runningVar(), 0, runningVar, 0, runningVar.length);
            return new TrainResult(t.y(), runningMean, runningVar);
        }
    }

    /** Bessel's factor in integer arithmetic: n / (n - 1) is 1 for every n >= 3. */
    static final class IntegerDivisionInBesselFactor extends BatchNormReference {
        @Override
        protected double runningVarianceSample(double biasedVar, int n) {
            return biasedVar * (n / (n - 1));
        }
    }

    /** Returns the running arrays themselves when momentum is 0 ("nothing changes"): the result aliases the arguments. */
    static final class ReturnsTheRunningArraysWhenMomentumIsZero extends BatchNormReference {
        @Override
        public TrainResult forwardTrain(double[][] x, double[] gamma, double[] beta, double[] runningMean, double[] runningVar,
                                        double momentum, double eps) {
            TrainResult t = super.forwardTrain(x, gamma, beta, runningMean, runningVar, momentum, eps);
            return momentum == 0 ? new TrainResult(t.y(), runningMean, runningVar) : t;
        }
    }
}
