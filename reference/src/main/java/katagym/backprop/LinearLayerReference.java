package katagym.backprop;

public class LinearLayerReference implements LinearLayer {

    @Override
    public double[][] forward(double[][] x, double[][] w, double[] b) {
        int n = x.length, out = w.length;
        double[][] y = new double[n][out];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < out; j++) {
                double s = b[j];
                for (int i = 0; i < w[j].length; i++) s += x[r][i] * w[j][i];
                y[r][j] = s;
            }
        }
        return y;
    }

    @Override
    public Grads backward(double[][] x, double[][] w, double[] b, double[][] upstream) {
        int n = x.length, out = w.length, in = w.length == 0 ? 0 : w[0].length;
        double[][] dx = new double[n][in];
        double[][] dw = new double[out][in];
        double[] db = new double[out];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < out; j++) {
                double u = upstream[r][j];
                db[j] += u;
                for (int i = 0; i < in; i++) {
                    dx[r][i] += u * w[j][i];
                    dw[j][i] += u * x[r][i];
                }
            }
        }
        return new Grads(dx, dw, db);
    }
}
