package katagym.normalization;

public class BatchNormReference implements BatchNorm {

    /** Column means and BIASED column variances: {mean[d], var[d]}. */
    static double[][] batchStatistics(double[][] x) {
        int n = x.length, d = x[0].length;
        double[] mean = new double[d], var = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (double[] row : x) s += row[j];
            mean[j] = s / n;
            double q = 0;
            for (double[] row : x) q += (row[j] - mean[j]) * (row[j] - mean[j]);
            var[j] = q / n;
        }
        return new double[][] {mean, var};
    }

    static double[][] normalise(double[][] x, double[] gamma, double[] beta, double[] mean, double[] var, double eps) {
        double[][] y = new double[x.length][gamma.length];
        for (int j = 0; j < gamma.length; j++) {
            double rstd = 1 / Math.sqrt(var[j] + eps);
            for (int r = 0; r < x.length; r++) y[r][j] = gamma[j] * ((x[r][j] - mean[j]) * rstd) + beta[j];
        }
        return y;
    }

    /** The variance that enters the running average: unbiased, var * n / (n - 1). */
    protected double runningVarianceSample(double biasedVar, int n) {
        return biasedVar * n / (n - 1);
    }

    @Override
    public TrainResult forwardTrain(double[][] x, double[] gamma, double[] beta, double[] runningMean, double[] runningVar,
                                    double momentum, double eps) {
        int n = x.length, d = gamma.length;
        double[][] stats = batchStatistics(x);
        double[] rm = new double[d], rv = new double[d];
        for (int j = 0; j < d; j++) {
            rm[j] = (1 - momentum) * runningMean[j] + momentum * stats[0][j];
            rv[j] = (1 - momentum) * runningVar[j] + momentum * runningVarianceSample(stats[1][j], n);
        }
        return new TrainResult(normalise(x, gamma, beta, stats[0], stats[1], eps), rm, rv);
    }

    @Override
    public double[][] forwardEval(double[][] x, double[] gamma, double[] beta, double[] runningMean, double[] runningVar, double eps) {
        return normalise(x, gamma, beta, runningMean, runningVar, eps);
    }

    @Override
    public Grads backward(double[][] x, double[] gamma, double[] beta, double eps, double[][] upstream) {
        int n = x.length, d = gamma.length;
        double[][] stats = batchStatistics(x);
        double[][] dx = new double[n][d];
        double[] dgamma = new double[d], dbeta = new double[d];
        for (int j = 0; j < d; j++) {
            double rstd = 1 / Math.sqrt(stats[1][j] + eps);
            double[] xhat = new double[n];
            double meanG = 0, meanGX = 0;
            for (int r = 0; r < n; r++) {
                xhat[r] = (x[r][j] - stats[0][j]) * rstd;
                double g = upstream[r][j] * gamma[j];
                meanG += g;
                meanGX += g * xhat[r];
                dgamma[j] += upstream[r][j] * xhat[r];
                dbeta[j] += upstream[r][j];
            }
            meanG /= n;
            meanGX /= n;
            for (int r = 0; r < n; r++) dx[r][j] = rstd * (upstream[r][j] * gamma[j] - meanG - xhat[r] * meanGX);
        }
        return new Grads(dx, dgamma, dbeta);
    }
}
