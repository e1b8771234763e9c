package katagym.llminference;

public class AlibiReference implements Alibi {

    @Override
    public double[] slopes(int heads) {
        if (heads < 1) throw new IllegalArgumentException("heads must be >= 1, was " + heads);
        int c = Integer.highestOneBit(heads); // the largest power of two <= heads
        double[] m = new double[heads];
        for (int h = 0; h < c; h++) m[h] = Math.pow(2, -8.0 * (h + 1) / c);
        // the remaining heads take every other slope of the 2c-head sequence: 2^(-8 (2t + 1) / (2c))
        for (int t = 0; t < heads - c; t++) m[c + t] = Math.pow(2, -8.0 * (2 * t + 1) / (2 * c));
        return m;
    }

    @Override
    public double[][] bias(int n, double slope) {
        if (n < 0) throw new IllegalArgumentException("n must be >= 0, was " + n);
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) b[i][j] = j <= i ? slope * (j - i) : Double.NEGATIVE_INFINITY; // = -slope (i - j), and 0.0 (not -0.0) on the diagonal
        }
        return b;
    }

    @Override
    public double[][][] attention(double[][][] q, double[][][] k, double[][][] v) {
        int heads = q.length;
        double[] m = slopes(heads);
        double[][][] out = new double[heads][][];
        for (int h = 0; h < heads; h++) {
            int n = q[h].length, d = q[h][0].length, dv = v[h][0].length;
            double scale = 1 / Math.sqrt(d);
            out[h] = new double[n][dv];
            for (int i = 0; i < n; i++) {
                double[] s = new double[i + 1]; // keys j <= i only
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j <= i; j++) {
                    double dot = 0;
                    for (int t = 0; t < d; t++) dot += q[h][i][t] * k[h][j][t];
                    s[j] = dot * scale - m[h] * (i - j);
                    max = Math.max(max, s[j]);
                }
                double sum = 0;
                for (int j = 0; j <= i; j++) {
                    s[j] = Math.exp(s[j] - max);
                    sum += s[j];
                }
                for (int j = 0; j <= i; j++) {
                    double w = s[j] / sum;
                    for (int t = 0; t < dv; t++) out[h][i][t] += w * v[h][j][t];
                }
            }
        }
        return out;
    }
}
