package katagym.losses;

/** Correct info-nce solutions written unlike the reference. */
final class InfoNceAlternatives {
    private InfoNceAlternatives() {}

    /**
     * Differentiates cos(q, k) directly instead of going through qhat: d cos / dq = (khat - cos qhat) / |q|, and
     * the loss as logsumexp - s_ii per row.
     */
    static final class CosineDerivativeDirectly implements InfoNce {
        private static double dot(double[] a, double[] b) {
            double s = 0;
            for (int i = 0; i < a.length; i++) s += a[i] * b[i];
            return s;
        }

        private static double[] norms(double[][] m) {
            double[] out = new double[m.length];
            for (int i = 0; i < m.length; i++) out[i] = Math.sqrt(dot(m[i], m[i]));
            return out;
        }

        private static double[][] cosines(double[][] q, double[][] k) {
            double[] nq = norms(q), nk = norms(k);
            double[][] c = new double[q.length][k.length];
            for (int i = 0; i < q.length; i++) for (int j = 0; j < k.length; j++) c[i][j] = dot(q[i], k[j]) / (nq[i] * nk[j]);
            return c;
        }

        /** softmax of each row of cos / temperature. */
        private static double[][] softmax(double[][] c, double temperature) {
            double[][] p = new double[c.length][c.length];
            for (int i = 0; i < c.length; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : c[i]) max = Math.max(max, v / temperature);
                double z = 0;
                for (int j = 0; j < c.length; j++) { p[i][j] = Math.exp(c[i][j] / temperature - max); z += p[i][j]; }
                for (int j = 0; j < c.length; j++) p[i][j] /= z;
            }
            return p;
        }

        @Override
        public double loss(double[][] queries, double[][] keys, double temperature) {
            double[][] c = cosines(queries, keys);
            double sum = 0;
            for (int i = 0; i < c.length; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : c[i]) max = Math.max(max, v / temperature);
                double z = 0;
                for (double v : c[i]) z += Math.exp(v / temperature - max);
                sum += max + Math.log(z) - c[i][i] / temperature;
            }
            return sum / c.length;
        }

        @Override
        public Gradients gradients(double[][] queries, double[][] keys, double temperature) {
            int n = queries.length, dim = queries[0].length;
            double[][] c = cosines(queries, keys), p = softmax(c, temperature);
            double[] nq = norms(queries), nk = norms(keys);
            double[][] dq = new double[n][dim], dk = new double[n][dim];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double g = (p[i][j] - (i == j ? 1 : 0)) / (n * temperature);
                    for (int d = 0; d < dim; d++) {
                        double qh = queries[i][d] / nq[i], kh = keys[j][d] / nk[j];
                        dq[i][d] += g * (kh - c[i][j] * qh) / nq[i];
                        dk[j][d] += g * (qh - c[i][j] * kh) / nk[j];
                    }
                }
            }
            return new Gradients(dq, dk);
        }
    }
}
