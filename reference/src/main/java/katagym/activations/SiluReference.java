package katagym.activations;

public class SiluReference implements Silu {

    /** The stable sigmoid: exp only ever sees a non-positive argument. */
    static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }

    @Override
    public double[] forward(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i] * sigmoid(x[i]);
        return y;
    }

    @Override
    public double[] backward(double[] x, double[] upstream) {
        double[] dx = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = sigmoid(x[i]);
            dx[i] = upstream[i] * s * (1 + x[i] * (1 - s));
        }
        return dx;
    }
}
