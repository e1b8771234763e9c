package katagym.attention;

import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;

/**
 * Spec-side helpers shared by the attention katas (also used by the transformer and llm-inference
 * specs): a plain, stable scaled dot-product attention to state invariants against ("one head
 * equals SDPA", "the cache gives full causal attention") and small matrix generators. This is
 * the spec's own arithmetic, written independently of any reference solution.
 */
public final class AttentionChecks {
    private AttentionChecks() {}

    /**
     * softmax(q k^T / sqrt(dk) + mask) v, row by row with the row maximum subtracted; with
     * {@code causal}, query i sees keys j <= i only (top-left aligned, as PyTorch's is_causal).
     */
    public static double[][] sdpa(double[][] q, double[][] k, double[][] v, boolean causal) {
        int n = q.length, m = k.length, dv = v.length == 0 ? 0 : v[0].length;
        double[][] out = new double[n][dv];
        for (int i = 0; i < n; i++) {
            double scale = 1 / Math.sqrt(q[i].length);
            int last = causal ? Math.min(i, m - 1) : m - 1;
            double[] s = new double[last + 1];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j <= last; j++) {
                double dot = 0;
                for (int c = 0; c < q[i].length; c++) dot += q[i][c] * k[j][c];
                s[j] = dot * scale;
                max = Math.max(max, s[j]);
            }
            double sum = 0;
            for (int j = 0; j <= last; j++) {
                s[j] = Math.exp(s[j] - max);
                sum += s[j];
            }
            for (int j = 0; j <= last; j++) {
                for (int c = 0; c < dv; c++) out[i][c] += s[j] / sum * v[j][c];
            }
        }
        return out;
    }

    /** x w^T (+ b when b is not null): PyTorch's Linear with weight w[out][in]. */
    public static double[][] linear(double[][] x, double[][] w, double[] b) {
        double[][] y = new double[x.length][w.length];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < w.length; o++) {
                double s = b == null ? 0 : b[o];
                for (int c = 0; c < w[o].length; c++) s += x[i][c] * w[o][c];
                y[i][o] = s;
            }
        }
        return y;
    }

    /** Columns [from, from + width) of every row. */
    public static double[][] columns(double[][] m, int from, int width) {
        double[][] out = new double[m.length][width];
        for (int i = 0; i < m.length; i++) System.arraycopy(m[i], from, out[i], 0, width);
        return out;
    }

    /** Rows [from, from + count) (copied). */
    public static double[][] rows(double[][] m, int from, int count) {
        double[][] out = new double[count][];
        for (int i = 0; i < count; i++) out[i] = m[from + i].clone();
        return out;
    }

    /** A rows x cols matrix of values in [-r, r]. */
    public static Gen<double[][]> matrix(int rows, int cols, double r) {
        return Gens.matrix(rows, cols, Gens.doubles(-r, r));
    }
}
