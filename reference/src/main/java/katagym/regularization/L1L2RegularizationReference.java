package katagym.regularization;

public class L1L2RegularizationReference implements L1L2Regularization {

    @Override
    public double penalty(double[] weights, double[] biases, double l1, double l2) {
        double abs = 0, squares = 0;
        for (double w : weights) {
            abs += Math.abs(w);
            squares += w * w;
        }
        return l1 * abs + 0.5 * l2 * squares;
    }

    @Override
    public Gradients gradient(double[] weights, double[] biases, double l1, double l2) {
        double[] dw = new double[weights.length];
        for (int i = 0; i < dw.length; i++) dw[i] = l1 * Math.signum(weights[i]) + l2 * weights[i];
        return new Gradients(dw, new double[biases.length]);
    }
}
