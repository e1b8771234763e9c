package katagym.llminference;

public class GroupedQueryAttentionReference implements GroupedQueryAttention {

    /** The key/value head of query head h: consecutive groups of hq / hkv query heads share one. */
    protected int kvHead(int h, int hq, int hkv) {
        return h / (hq / hkv);
    }

    protected double scale(int dh, int hq) {
        return 1 / Math.sqrt(dh);
    }

    protected boolean allowed(int i, int j, boolean causal) {
        return !causal || j <= i;
    }

    @Override
    public double[][][] forward(double[][][] q, double[][][] k, double[][][] v, boolean causal) {
        int hq = q.length, hkv = k.length;
        double[][][] out = new double[hq][][];
        for (int h = 0; h < hq; h++) {
            int g = kvHead(h, hq, hkv);
            out[h] = attend(q[h], k[g], v[g], causal, scale(q[h][0].length, hq));
        }
        return out;
    }

    private double[][] attend(double[][] q, double[][] k, double[][] v, boolean causal, double scale) {
        int n = q.length, m = k.length, dv = v[0].length;
        double[][] out = new double[n][dv];
        for (int i = 0; i < n; i++) {
            double[] s = new double[m];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                if (!allowed(i, j, causal)) { s[j] = Double.NEGATIVE_INFINITY; continue; }
                double dot = 0;
                for (int c = 0; c < q[i].length; c++) dot += q[i][c] * k[j][c];
                s[j] = dot * scale;
                max = Math.max(max, s[j]);
            }
            double sum = 0;
            for (int j = 0; j < m; j++) {
                s[j] = s[j] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(s[j] - max);
                sum += s[j];
            }
            for (int j = 0; j < m; j++)
                for (int c = 0; c < dv; c++) out[i][c] += s[j] / sum * v[j][c];
        }
        return out;
    }
}
