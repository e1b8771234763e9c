package katagym.llminference;

public class RopeReference implements Rope {

    /** The frequency of pair i in a vector of width d: base^(-2i/d). */
    static double frequency(int i, int d, double base) {
        return Math.pow(base, -2.0 * i / d);
    }

    @Override
    public double[][] apply(double[][] x, double[] positions, double base) {
        double[][] y = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            int d = x[t].length;
            y[t] = new double[d];
            for (int i = 0; i < d / 2; i++) {
                double theta = positions[t] * frequency(i, d, base);
                double c = Math.cos(theta), s = Math.sin(theta);
                double a = x[t][2 * i], b = x[t][2 * i + 1];
                y[t][2 * i] = a * c - b * s;
                y[t][2 * i + 1] = a * s + b * c;
            }
        }
        return y;
    }
}
