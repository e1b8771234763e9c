package katagym.attention;

public class MultiHeadSelfAttentionReference implements MultiHeadSelfAttention {

    /** x w^T for one sequence x[n][in], w[out][in]. */
    static double[][] project(double[][] x, double[][] w) {
        double[][] y = new double[x.length][w.length];
        for (int i = 0; i < x.length; i++)
            for (int o = 0; o < w.length; o++) {
                double s = 0;
                for (int c = 0; c < w[o].length; c++) s += x[i][c] * w[o][c];
                y[i][o] = s;
            }
        return y;
    }

    /** The columns of head t of h: a contiguous slice of width/h columns. */
    protected double[][] headSlice(double[][] m, int t, int h) {
        int width = m[0].length / h;
        double[][] out = new double[m.length][width];
        for (int i = 0; i < m.length; i++) System.arraycopy(m[i], t * width, out[i], 0, width);
        return out;
    }

    /** The per-head scale: 1 / sqrt(dk / h), the head's own dimension. */
    protected double scale(int headDim, int dModel, int numHeads) {
        return 1 / Math.sqrt(headDim);
    }

    protected boolean allowed(int i, int j, boolean causal) {
        return !causal || j <= i;
    }

    /** Scaled dot-product attention of one head, rows max-subtracted. */
    protected double[][] attend(double[][] q, double[][] k, double[][] v, boolean causal, double scale) {
        int n = q.length, dv = v[0].length;
        double[][] out = new double[n][dv];
        for (int i = 0; i < n; i++) {
            double[] s = new double[n];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (!allowed(i, j, causal)) { s[j] = Double.NEGATIVE_INFINITY; continue; }
                double dot = 0;
                for (int c = 0; c < q[i].length; c++) dot += q[i][c] * k[j][c];
                s[j] = dot * scale;
                max = Math.max(max, s[j]);
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                s[j] = s[j] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(s[j] - max);
                sum += s[j];
            }
            for (int j = 0; j < n; j++)
                for (int c = 0; c < dv; c++) out[i][c] += s[j] / sum * v[j][c];
        }
        return out;
    }

    @Override
    public double[][][] forward(double[][][] x, int numHeads, Weights w, boolean causal) {
        double[][][] out = new double[x.length][][];
        for (int b = 0; b < x.length; b++) out[b] = sequence(x[b], numHeads, w, causal);
        return out;
    }

    private double[][] sequence(double[][] x, int h, Weights w, boolean causal) {
        int n = x.length, dModel = x[0].length, dv = w.wv().length;
        double[][] q = project(x, w.wq()), k = project(x, w.wk()), v = project(x, w.wv());
        double[][] concat = new double[n][dv];
        int dvHead = dv / h;
        for (int t = 0; t < h; t++) {
            double[][] qt = headSlice(q, t, h);
            double[][] o = attend(qt, headSlice(k, t, h), headSlice(v, t, h), causal, scale(qt[0].length, dModel, h));
            for (int i = 0; i < n; i++) System.arraycopy(o[i], 0, concat[i], t * dvHead, dvHead);
        }
        double[][] y = project(concat, w.wo());
        for (int i = 0; i < n; i++)
            for (int c = 0; c < y[i].length; c++) y[i][c] += w.bo()[c];
        return y;
    }
}
