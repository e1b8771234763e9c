package katagym.attention;

/** Correct solutions written unlike the reference: the spec must accept them on every seed. */
final class ScaledDotProductAttentionAlternatives {
    private ScaledDotProductAttentionAlternatives() {}

    /**
     * Weights through log-sum-exp (P = exp(s - lse)), forward by an online softmax (one pass, rescaling the
     * running sum when the maximum grows), backward with FlashAttention's row term D_i = dO_i . O_i.
     */
    static final class OnlineSoftmaxAndFlashBackward implements ScaledDotProductAttention {
        private static double score(double[] q, double[] k) {
            double dot = 0;
            for (int c = 0; c < q.length; c++) dot += q[c] * k[c];
            return dot / Math.sqrt(q.length);
        }

        private static int last(int i, int m, boolean causal) {
            return causal ? Math.min(i, m - 1) : m - 1;
        }

        @Override
        public double[][] weights(double[][] q, double[][] k, boolean causal) {
            int n = q.length, m = k.length;
            double[][] p = new double[n][m];
            for (int i = 0; i < n; i++) {
                int last = last(i, m, causal);
                double[] s = new double[last + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j <= last; j++) max = Math.max(max, s[j] = score(q[i], k[j]));
                double sum = 0;
                for (int j = 0; j <= last; j++) sum += Math.exp(s[j] - max);
                double lse = max + Math.log(sum);
                for (int j = 0; j <= last; j++) p[i][j] = Math.exp(s[j] - lse);
            }
            return p;
        }

        @Override
        public double[][] forward(double[][] q, double[][] k, double[][] v, boolean causal) {
            int n = q.length, m = k.length, dv = v[0].length;
            double[][] out = new double[n][dv];
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                double[] acc = new double[dv];
                for (int j = 0; j <= last(i, m, causal); j++) {
                    double s = score(q[i], k[j]);
                    if (s > max) {
                        double r = Math.exp(max - s);
                        sum *= r;
                        for (int c = 0; c < dv; c++) acc[c] *= r;
                        max = s;
                    }
                    double e = Math.exp(s - max);
                    sum += e;
                    for (int c = 0; c < dv; c++) acc[c] += e * v[j][c];
                }
                for (int c = 0; c < dv; c++) out[i][c] = acc[c] / sum;
            }
            return out;
        }

        @Override
        public Grads backward(double[][] q, double[][] k, double[][] v, boolean causal, double[][] upstream) {
            int n = q.length, m = k.length, dk = q[0].length, dv = v[0].length;
            double[][] p = weights(q, k, causal), out = forward(q, k, v, causal);
            double[][] dq = new double[n][dk], dK = new double[m][dk], dV = new double[m][dv];
            double scale = 1 / Math.sqrt(dk);
            for (int i = 0; i < n; i++) {
                double d = 0;
                for (int c = 0; c < dv; c++) d += upstream[i][c] * out[i][c];
                for (int j = 0; j < m; j++) {
                    double dp = 0;
                    for (int c = 0; c < dv; c++) {
                        dp += upstream[i][c] * v[j][c];
                        dV[j][c] += p[i][j] * upstream[i][c];
                    }
                    double ds = p[i][j] * (dp - d);
                    for (int c = 0; c < dk; c++) {
                        dq[i][c] += ds * k[j][c] * scale;
                        dK[j][c] += ds * q[i][c] * scale;
                    }
                }
            }
            return new Grads(dq, dK, dV);
        }
    }
}
