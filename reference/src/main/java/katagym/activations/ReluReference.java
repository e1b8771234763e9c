package katagym.activations;

public class ReluReference implements Relu {

    @Override
    public double[] forward(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i] > 0 ? x[i] : 0.0;
        return y;
    }

    /** Strictly x > 0: the subgradient at the kink is taken as 0, as in PyTorch. */
    @Override
    public double[] backward(double[] x, double[] upstream) {
        double[] dx = new double[x.length];
        for (int i = 0; i < x.length; i++) dx[i] = x[i] > 0 ? upstream[i] : 0.0;
        return dx;
    }
}
