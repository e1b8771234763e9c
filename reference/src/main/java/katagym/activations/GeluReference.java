package katagym.activations;

public class GeluReference implements Gelu {

    static final double SQRT_HALF = Math.sqrt(0.5);
    /** 1 / sqrt(2 pi), the normalisation of the standard normal density. */
    static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    /** sqrt(2 / pi), the slope of the tanh approximation at 0 (from Phi'(0) = 1/sqrt(2 pi), doubled). */
    static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    static final double KAPPA = 0.044715;

    static double cdf(double x) { return 0.5 * (1 + Gelu.erf(x * SQRT_HALF)); }

    static double pdf(double x) { return INV_SQRT_2PI * Math.exp(-0.5 * x * x); }

    @Override
    public double[] forward(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i] * cdf(x[i]);
        return y;
    }

    @Override
    public double[] backward(double[] x, double[] upstream) {
        double[] dx = new double[x.length];
        for (int i = 0; i < x.length; i++) dx[i] = upstream[i] * (cdf(x[i]) + x[i] * pdf(x[i]));
        return dx;
    }

    @Override
    public double[] forwardTanh(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            y[i] = 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + KAPPA * v * v * v)));
        }
        return y;
    }

    /** d/dx 0.5 x (1 + tanh u) = 0.5 (1 + tanh u) + 0.5 x (1 - tanh^2 u) u', u' = sqrt(2/pi) (1 + 3 kappa x^2). */
    @Override
    public double[] backwardTanh(double[] x, double[] upstream) {
        double[] dx = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            double t = Math.tanh(SQRT_2_OVER_PI * (v + KAPPA * v * v * v));
            double du = SQRT_2_OVER_PI * (1 + 3 * KAPPA * v * v);
            dx[i] = upstream[i] * (0.5 * (1 + t) + 0.5 * v * (1 - t * t) * du);
        }
        return dx;
    }
}
