package katagym.peft;

public class LoraLinearReference implements LoraLinear {

    /** {@code p q^T}: p[n][k], q[m][k] give [n][m]. */
    static double[][] timesTransposed(double[][] p, double[][] q) {
        int n = p.length, m = q.length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int k = 0; k < q[j].length; k++) s += p[i][k] * q[j][k];
                out[i][j] = s;
            }
        }
        return out;
    }

    /** {@code p^T q}: p[n][k], q[n][m] give [k][m]. */
    static double[][] transposedTimes(double[][] p, double[][] q, int k, int m) {
        double[][] out = new double[k][m];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int t = 0; t < p.length; t++) s += p[t][i] * q[t][j];
                out[i][j] = s;
            }
        }
        return out;
    }

    /** {@code p q}: p[n][k], q[k][m] give [n][m]. */
    static double[][] times(double[][] p, double[][] q, int m) {
        double[][] out = new double[p.length][m];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int k = 0; k < q.length; k++) s += p[i][k] * q[k][j];
                out[i][j] = s;
            }
        }
        return out;
    }

    static double scale(double alpha, double[][] a) { return alpha / a.length; }

    @Override
    public double[][] forward(double[][] x, double[][] w0, double[] bias, double[][] a, double[][] b, double alpha) {
        double s = scale(alpha, a);
        double[][] base = timesTransposed(x, w0);
        double[][] h = timesTransposed(x, a);         // [n][r]
        double[][] lora = timesTransposed(h, b);      // [n][out]
        double[][] y = new double[x.length][w0.length];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < w0.length; o++) y[i][o] = base[i][o] + bias[o] + s * lora[i][o];
        }
        return y;
    }

    /** {@code w + sign * (alpha / r) b a}. */
    static double[][] plusScaledBA(double[][] w, double[][] a, double[][] b, double alpha, double sign) {
        double s = scale(alpha, a);
        int in = w.length == 0 ? 0 : w[0].length;
        double[][] ba = times(b, a, in);
        double[][] out = new double[w.length][in];
        for (int o = 0; o < w.length; o++) {
            for (int j = 0; j < in; j++) out[o][j] = w[o][j] + sign * s * ba[o][j];
        }
        return out;
    }

    @Override
    public double[][] merge(double[][] w0, double[][] a, double[][] b, double alpha) {
        return plusScaledBA(w0, a, b, alpha, 1);
    }

    @Override
    public double[][] unmerge(double[][] merged, double[][] a, double[][] b, double alpha) {
        return plusScaledBA(merged, a, b, alpha, -1);
    }

    @Override
    public Grads backward(double[][] x, double[][] a, double[][] b, double alpha, double[][] upstream) {
        double s = scale(alpha, a);
        int r = a.length, in = a[0].length, out = b.length;
        double[][] h = timesTransposed(x, a);              // [n][r]
        double[][] dh = times(upstream, b, r);             // [n][r]
        double[][] dA = transposedTimes(dh, x, r, in);     // [r][in]
        double[][] dB = transposedTimes(upstream, h, out, r); // [out][r]
        for (double[] row : dA) for (int j = 0; j < row.length; j++) row[j] *= s;
        for (double[] row : dB) for (int j = 0; j < row.length; j++) row[j] *= s;
        return new Grads(dA, dB);
    }

    @Override
    public long trainableParameters(int in, int out, int r) {
        return (long) r * (in + out);
    }
}
