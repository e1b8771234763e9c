package katagym.activations;

public class LogSoftmaxReference implements LogSoftmax {

    /** m + log(sum exp(v - m)) with m the max: the largest term is exactly 1, so the sum is in [1, n]. */
    static double logSumExp(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) max = Math.max(max, v);
        double sum = 0;
        for (double v : row) sum += Math.exp(v - max);
        return max + Math.log(sum);
    }

    @Override
    public double[][] forward(double[][] x) {
        double[][] y = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            double lse = logSumExp(x[r]);
            y[r] = new double[x[r].length];
            for (int j = 0; j < x[r].length; j++) y[r][j] = x[r][j] - lse;
        }
        return y;
    }

    /** dx = g - softmax(x) * sum(g), with softmax(x) = exp(log_softmax(x)). */
    @Override
    public double[][] backward(double[][] x, double[][] upstream) {
        double[][] dx = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            double lse = logSumExp(x[r]);
            double total = 0;
            for (double g : upstream[r]) total += g;
            dx[r] = new double[x[r].length];
            for (int j = 0; j < x[r].length; j++) dx[r][j] = upstream[r][j] - Math.exp(x[r][j] - lse) * total;
        }
        return dx;
    }
}
