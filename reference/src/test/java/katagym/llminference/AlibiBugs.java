package katagym.llminference;

/** Plausible learner bugs the alibi spec must catch. */
final class AlibiBugs {
    private AlibiBugs() {}

    /** Counts heads from 0: slopes 2^(-8h/H), so the first head gets slope 1 and the last never reaches 1/256. */
    static final class SlopesFromZero extends AlibiReference {
        @Override
        public double[] slopes(int heads) {
            double[] m = super.slopes(heads);
            int c = Integer.highestOneBit(heads);
            for (int h = 0; h < c; h++) m[h] = Math.pow(2, -8.0 * h / c);
            return m;
        }
    }

    /** No interpolation rule: 2^(-8 (h+1) / H) for every H, powers of two or not. */
    static final class GeometricForEveryH extends AlibiReference {
        @Override
        public double[] slopes(int heads) {
            super.slopes(heads);
            double[] m = new double[heads];
            for (int h = 0; h < heads; h++) m[h] = Math.pow(2, -8.0 * (h + 1) / heads);
            return m;
        }
    }

    /** Takes the odd-indexed slopes of the 2c sequence ([1::2]): they repeat slopes(c) instead of falling between them. */
    static final class WrongInterleave extends AlibiReference {
        @Override
        public double[] slopes(int heads) {
            double[] m = super.slopes(heads);
            int c = Integer.highestOneBit(heads);
            for (int t = 0; c + t < heads; t++) m[c + t] = Math.pow(2, -8.0 * (2 * t + 2) / (2 * c));
            return m;
        }
    }

    /** Sign flipped: +slope (i - j) rewards distant keys. */
    static final class PositiveBias extends AlibiReference {
        @Override
        public double[][] bias(int n, double slope) {
            return super.bias(n, -slope);
        }

        @Override
        public double[][][] attention(double[][][] q, double[][][] k, double[][][] v) {
            return withSlopes(q, k, v, negate(slopes(q.length)));
        }
    }

    /** The bias -slope |i - j| for every pair and no causal mask: the future leaks in. */
    static final class SymmetricWithoutMask extends AlibiReference {
        @Override
        public double[][] bias(int n, double slope) {
            if (n < 0) throw new IllegalArgumentException("n < 0");
            double[][] b = new double[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) b[i][j] = -slope * Math.abs(i - j);
            return b;
        }

        @Override
        public double[][][] attention(double[][][] q, double[][][] k, double[][][] v) {
            double[] m = slopes(q.length);
            double[][][] out = new double[q.length][][];
            for (int h = 0; h < q.length; h++) {
                int n = q[h].length, d = q[h][0].length;
                double[][] b = bias(n, m[h]);
                out[h] = new double[n][v[h][0].length];
                for (int i = 0; i < n; i++) {
                    double[] s = new double[n];
                    double max = Double.NEGATIVE_INFINITY, z = 0;
                    for (int j = 0; j < n; j++) {
                        for (int t = 0; t < d; t++) s[j] += q[h][i][t] * k[h][j][t];
                        s[j] = s[j] / Math.sqrt(d) + b[i][j];
                        max = Math.max(max, s[j]);
                    }
                    for (int j = 0; j < n; j++) z += s[j] = Math.exp(s[j] - max);
                    for (int j = 0; j < n; j++) for (int t = 0; t < v[h][0].length; t++) out[h][i][t] += s[j] / z * v[h][j][t];
                }
            }
            return out;
        }
    }

    /** Divides the bias by sqrt(d) along with the dot product: (q.k - m (i - j)) / sqrt(d). */
    static final class BiasScaledBySqrtD extends AlibiReference {
        @Override
        public double[][][] attention(double[][][] q, double[][][] k, double[][][] v) {
            double[] m = slopes(q.length);
            double[] scaled = new double[m.length];
            for (int h = 0; h < m.length; h++) scaled[h] = m[h] / Math.sqrt(q[h][0].length);
            return withSlopes(q, k, v, scaled);
        }
    }

    /** Uses the first head's slope for every head. */
    static final class OneSlopeForAllHeads extends AlibiReference {
        @Override
        public double[][][] attention(double[][][] q, double[][][] k, double[][][] v) {
            double[] m = slopes(q.length);
            java.util.Arrays.fill(m, m[0]);
            return withSlopes(q, k, v, m);
        }
    }

    /** Softmax without subtracting the row maximum: exp overflows for large scores. */
    static final class NaiveSoftmax extends AlibiReference {
        @Override
        public double[][][] attention(double[][][] q, double[][][] k, double[][][] v) {
            double[] m = slopes(q.length);
            double[][][] out = new double[q.length][][];
            for (int h = 0; h < q.length; h++) {
                int n = q[h].length, d = q[h][0].length;
                out[h] = new double[n][v[h][0].length];
                for (int i = 0; i < n; i++) {
                    double[] e = new double[i + 1];
                    double z = 0;
                    for (int j = 0; j <= i; j++) {
                        double dot = 0;
                        for (int t = 0; t < d; t++) dot += q[h][i][t] * k[h][j][t];
                        z += e[j] = Math.exp(dot / Math.sqrt(d) - m[h] * (i - j));
                    }
                    for (int j = 0; j <= i; j++) for (int t = 0; t < v[h][0].length; t++) out[h][i][t] += e[j] / z * v[h][j][t];
                }
            }
            return out;
        }
    }

    static double[] negate(double[] m) {
        double[] r = new double[m.length];
        for (int i = 0; i < m.length; i++) r[i] = -m[i];
        return r;
    }

    /** Causal ALiBi attention with the given per-head slopes (shared by the bugs that change only the slopes). */
    static double[][][] withSlopes(double[][][] q, double[][][] k, double[][][] v, double[] m) {
        double[][][] out = new double[q.length][][];
        for (int h = 0; h < q.length; h++) out[h] = AlibiSpec.head(q[h], k[h], v[h], m[h]);
        return out;
    }
}
