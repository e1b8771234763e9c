package katagym.losses;

public class MseReference implements Mse {

    @Override
    public double loss(double[] prediction, double[] target) {
        double sum = 0;
        for (int i = 0; i < prediction.length; i++) {
            double d = prediction[i] - target[i];
            sum += d * d;
        }
        return sum / prediction.length;
    }

    @Override
    public double[] gradient(double[] prediction, double[] target) {
        int n = prediction.length;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = 2 * (prediction[i] - target[i]) / n;
        return g;
    }
}
