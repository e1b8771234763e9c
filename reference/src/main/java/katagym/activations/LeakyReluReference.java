package katagym.activations;

public class LeakyReluReference implements LeakyRelu {

    @Override
    public double[] forward(double[] x, double negativeSlope) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i] >= 0 ? x[i] : negativeSlope * x[i];
        return y;
    }

    /** PyTorch's leaky_relu_backward: {@code x > 0 ? g : g * slope}, so the slope applies at 0. */
    @Override
    public double[] backward(double[] x, double[] upstream, double negativeSlope) {
        double[] dx = new double[x.length];
        for (int i = 0; i < x.length; i++) dx[i] = x[i] > 0 ? upstream[i] : negativeSlope * upstream[i];
        return dx;
    }
}
