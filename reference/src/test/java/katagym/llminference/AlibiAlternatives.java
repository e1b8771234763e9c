package katagym.llminference;

/** Correct ALiBi solutions written unlike the reference. */
final class AlibiAlternatives {
    private AlibiAlternatives() {}

    /**
     * BLOOM's formulation: slopes as base^(1..c) and extra_base^(1, 3, 5, ...); the bias as +m * j
     * (key position only), which differs from -m (i - j) by m * i, a constant per row that softmax
     * ignores; an online (one-pass) softmax.
     */
    static final class BloomStyle implements Alibi {
        @Override
        public double[] slopes(int heads) {
            if (heads < 1) throw new IllegalArgumentException("heads < 1");
            int c = 1 << (31 - Integer.numberOfLeadingZeros(heads));
            double base = Math.pow(2, -Math.pow(2, -(log2(c) - 3)));
            double[] m = new double[heads];
            for (int h = 0; h < c; h++) m[h] = Math.pow(base, h + 1);
            if (c != heads) {
                double extraBase = Math.pow(2, -Math.pow(2, -(log2(2 * c) - 3)));
                for (int t = 0; t < heads - c; t++) m[c + t] = Math.pow(extraBase, 2 * t + 1);
            }
            return m;
        }

        private static double log2(int x) { return 31 - Integer.numberOfLeadingZeros(x); }

        @Override
        public double[][] bias(int n, double slope) {
            if (n < 0) throw new IllegalArgumentException("n < 0");
            double[][] b = new double[n][];
            for (int i = 0; i < n; i++) {
                b[i] = new double[n];
                java.util.Arrays.fill(b[i], Double.NEGATIVE_INFINITY);
                for (int j = 0; j <= i; j++) b[i][j] = slope * (j - i);
            }
            return b;
        }

        @Override
        public double[][][] attention(double[][][] q, double[][][] k, double[][][] v) {
            double[] m = slopes(q.length);
            double[][][] out = new double[q.length][][];
            for (int h = 0; h < q.length; h++) {
                int n = q[h].length, d = q[h][0].length, dv = v[h][0].length;
                out[h] = new double[n][];
                for (int i = 0; i < n; i++) {
                    double runMax = Double.NEGATIVE_INFINITY, z = 0;
                    double[] acc = new double[dv];
                    for (int j = 0; j <= i; j++) {
                        double dot = 0;
                        for (int t = 0; t < d; t++) dot += q[h][i][t] * k[h][j][t];
                        double s = dot / Math.sqrt(d) + m[h] * j;
                        double newMax = Math.max(runMax, s);
                        double alpha = runMax == Double.NEGATIVE_INFINITY ? 0 : Math.exp(runMax - newMax);
                        double w = Math.exp(s - newMax);
                        z = z * alpha + w;
                        for (int t = 0; t < dv; t++) acc[t] = acc[t] * alpha + w * v[h][j][t];
                        runMax = newMax;
                    }
                    for (int t = 0; t < dv; t++) acc[t] /= z;
                    out[h][i] = acc;
                }
            }
            return out;
        }
    }
}
