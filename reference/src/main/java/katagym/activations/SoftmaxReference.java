package katagym.activations;

public class SoftmaxReference implements Softmax {

    /** One row: subtract the max, so every exp argument is <= 0 and the largest term is exactly 1. */
    static double[] softmax(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) max = Math.max(max, v);
        double[] y = new double[row.length];
        double sum = 0;
        for (int j = 0; j < row.length; j++) {
            y[j] = Math.exp(row[j] - max);
            sum += y[j];
        }
        for (int j = 0; j < row.length; j++) y[j] /= sum;
        return y;
    }

    @Override
    public double[][] forward(double[][] x) {
        double[][] y = new double[x.length][];
        for (int r = 0; r < x.length; r++) y[r] = softmax(x[r]);
        return y;
    }

    /** dx = J^T g with J = diag(y) - y y^T, i.e. y * (g - <g, y>), without building J. */
    @Override
    public double[][] backward(double[][] x, double[][] upstream) {
        double[][] dx = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            double[] y = softmax(x[r]);
            double dot = 0;
            for (int j = 0; j < y.length; j++) dot += upstream[r][j] * y[j];
            dx[r] = new double[y.length];
            for (int j = 0; j < y.length; j++) dx[r][j] = y[j] * (upstream[r][j] - dot);
        }
        return dx;
    }
}
