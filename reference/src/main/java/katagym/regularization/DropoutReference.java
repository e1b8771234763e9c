package katagym.regularization;

public class DropoutReference implements Dropout {

    /** The rule that decides which units survive: kept iff u >= p. */
    protected boolean kept(double u, double p) {
        return u >= p;
    }

    /** v[i] * scale where unit i is kept, 0 where it is dropped. */
    protected double[] masked(double[] v, double[] u, double p, double scale) {
        double[] y = new double[v.length];
        for (int i = 0; i < v.length; i++) y[i] = kept(u[i], p) ? v[i] * scale : 0;
        return y;
    }

    @Override
    public double[] invertedTrain(double[] x, double[] u, double p) {
        return masked(x, u, p, 1 / (1 - p));
    }

    @Override
    public double[] invertedEval(double[] x, double p) {
        return x.clone();
    }

    @Override
    public double[] invertedBackward(double[] upstream, double[] u, double p) {
        return masked(upstream, u, p, 1 / (1 - p));
    }

    @Override
    public double[] classicTrain(double[] x, double[] u, double p) {
        return masked(x, u, p, 1);
    }

    @Override
    public double[] classicInference(double[] x, double p) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = (1 - p) * x[i];
        return y;
    }

    @Override
    public double[] classicBackward(double[] upstream, double[] u, double p) {
        return masked(upstream, u, p, 1);
    }
}
