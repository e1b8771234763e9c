package katagym.llminference;

/** Correct grouped-query attention solutions unlike the reference. */
final class GroupedQueryAttentionAlternatives {
    private GroupedQueryAttentionAlternatives() {}

    /** Repeats each kv head for its group first (repeat_interleave), then runs plain multi-head attention with log-sum-exp weights. */
    static final class RepeatInterleaveThenLogSumExp implements GroupedQueryAttention {
        @Override
        public double[][][] forward(double[][][] q, double[][][] k, double[][][] v, boolean causal) {
            int hq = q.length, group = hq / k.length;
            double[][][] kr = new double[hq][][], vr = new double[hq][][];
            for (int h = 0; h < hq; h++) { kr[h] = k[h / group]; vr[h] = v[h / group]; }
            double[][][] out = new double[hq][][];
            for (int h = 0; h < hq; h++) {
                int n = q[h].length, m = kr[h].length, dh = q[h][0].length, dv = vr[h][0].length;
                out[h] = new double[n][dv];
                for (int i = 0; i < n; i++) {
                    int visible = causal ? Math.min(i + 1, m) : m;
                    double[] s = new double[visible];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < visible; j++) {
                        for (int c = 0; c < dh; c++) s[j] += q[h][i][c] * kr[h][j][c];
                        s[j] /= Math.sqrt(dh);
                        max = Math.max(max, s[j]);
                    }
                    double sum = 0;
                    for (int j = 0; j < visible; j++) sum += Math.exp(s[j] - max);
                    double lse = max + Math.log(sum);
                    for (int j = 0; j < visible; j++) {
                        double w = Math.exp(s[j] - lse);
                        for (int c = 0; c < dv; c++) out[h][i][c] += w * vr[h][j][c];
                    }
                }
            }
            return out;
        }
    }
}
