package katagym.activations;

public class SigmoidReference implements Sigmoid {

    /** Never calls exp on a positive argument, so it cannot overflow. */
    static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }

    @Override
    public double[] forward(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = sigmoid(x[i]);
        return y;
    }

    @Override
    public double[] backward(double[] x, double[] upstream) {
        double[] dx = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double y = sigmoid(x[i]);
            dx[i] = upstream[i] * y * (1 - y);
        }
        return dx;
    }
}
