package katagym.normalization;

public class RmsNormReference implements RmsNorm {

    /** 1 / sqrt(mean(x^2) + eps) for one row. */
    protected double inverseRms(double[] row, double eps) {
        double s = 0;
        for (double v : row) s += v * v;
        return 1 / Math.sqrt(s / row.length + eps);
    }

    @Override
    public double[][] forward(double[][] x, double[] gamma, double eps) {
        double[][] y = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            double inv = inverseRms(x[r], eps);
            y[r] = new double[x[r].length];
            for (int i = 0; i < y[r].length; i++) y[r][i] = x[r][i] * inv * gamma[i];
        }
        return y;
    }

    @Override
    public Grads backward(double[][] x, double[] gamma, double eps, double[][] upstream) {
        int n = x.length, d = gamma.length;
        double[][] dx = new double[n][d];
        double[] dgamma = new double[d];
        for (int r = 0; r < n; r++) {
            double inv = inverseRms(x[r], eps);
            double meanGX = 0;
            for (int i = 0; i < d; i++) {
                double xhat = x[r][i] * inv;
                meanGX += upstream[r][i] * gamma[i] * xhat;
                dgamma[i] += upstream[r][i] * xhat;
            }
            meanGX /= d;
            for (int i = 0; i < d; i++) dx[r][i] = inv * (upstream[r][i] * gamma[i] - x[r][i] * inv * meanGX);
        }
        return new Grads(dx, dgamma);
    }
}
