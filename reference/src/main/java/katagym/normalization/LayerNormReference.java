package katagym.normalization;

public class LayerNormReference implements LayerNorm {

    /** Biased variance of a row (divides by d). */
    protected double variance(double[] row, double mean) {
        double s = 0;
        for (double v : row) s += (v - mean) * (v - mean);
        return s / row.length;
    }

    static double mean(double[] row) {
        double s = 0;
        for (double v : row) s += v;
        return s / row.length;
    }

    /** 1 / sqrt(var + eps). */
    protected double inverseStd(double var, double eps) {
        return 1 / Math.sqrt(var + eps);
    }

    protected double[][] normalised(double[][] x, double eps) {
        double[][] xhat = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            double mu = mean(x[r]);
            double rstd = inverseStd(variance(x[r], mu), eps);
            xhat[r] = new double[x[r].length];
            for (int i = 0; i < x[r].length; i++) xhat[r][i] = (x[r][i] - mu) * rstd;
        }
        return xhat;
    }

    @Override
    public double[][] forward(double[][] x, double[] gamma, double[] beta, double eps) {
        double[][] y = normalised(x, eps);
        for (double[] row : y) for (int i = 0; i < row.length; i++) row[i] = gamma[i] * row[i] + beta[i];
        return y;
    }

    @Override
    public Grads backward(double[][] x, double[] gamma, double[] beta, double eps, double[][] upstream) {
        int n = x.length, d = gamma.length;
        double[][] dx = new double[n][d];
        double[] dgamma = new double[d], dbeta = new double[d];
        for (int r = 0; r < n; r++) {
            double mu = mean(x[r]);
            double rstd = inverseStd(variance(x[r], mu), eps);
            double[] xhat = new double[d], g = new double[d];
            double meanG = 0, meanGX = 0;
            for (int i = 0; i < d; i++) {
                xhat[i] = (x[r][i] - mu) * rstd;
                g[i] = upstream[r][i] * gamma[i];
                meanG += g[i];
                meanGX += g[i] * xhat[i];
                dgamma[i] += upstream[r][i] * xhat[i];
                dbeta[i] += upstream[r][i];
            }
            meanG /= d;
            meanGX /= d;
            for (int i = 0; i < d; i++) dx[r][i] = rstd * (g[i] - meanG - xhat[i] * meanGX);
        }
        return new Grads(dx, dgamma, dbeta);
    }
}
