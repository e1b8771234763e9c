package katagym.activations;

public class TanhReference implements Tanh {

    /**
     * tanh(|x|) = (1 - e^{-2|x|}) / (1 + e^{-2|x|}) with e^{-2|x|} - 1 taken by expm1, so exp never
     * sees a positive argument and small |x| keeps full relative precision; the sign is copied back.
     */
    static double tanh(double x) {
        double m = Math.expm1(-2 * Math.abs(x)); // e^{-2|x|} - 1, in [-1, 0]
        double t = -m / (2 + m);
        return x < 0 ? -t : t;
    }

    @Override
    public double[] forward(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = tanh(x[i]);
        return y;
    }

    @Override
    public double[] backward(double[] x, double[] upstream) {
        double[] dx = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double y = tanh(x[i]);
            dx[i] = upstream[i] * (1 - y * y);
        }
        return dx;
    }
}
