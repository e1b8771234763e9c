package katagym.attention;

public class ScaledDotProductAttentionReference implements ScaledDotProductAttention {

    /** Whether query i may see key j. */
    protected boolean allowed(int i, int j, boolean causal) {
        return !causal || j <= i;
    }

    /** The factor the dot products are multiplied by: 1 / sqrt(dk). */
    protected double scale(int dk) {
        return 1 / Math.sqrt(dk);
    }

    /** Scaled scores, -Infinity where the mask forbids the pair. */
    protected double[][] scores(double[][] q, double[][] k, boolean causal) {
        int n = q.length, m = k.length;
        double[][] s = new double[n][m];
        for (int i = 0; i < n; i++) {
            double sc = scale(q[i].length);
            for (int j = 0; j < m; j++) {
                if (!allowed(i, j, causal)) {
                    s[i][j] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                double dot = 0;
                for (int c = 0; c < q[i].length; c++) dot += q[i][c] * k[j][c];
                s[i][j] = dot * sc;
            }
        }
        return s;
    }

    /** Stable softmax of one row: the maximum is subtracted, so exp never sees a positive argument. */
    protected double[] softmax(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : row) max = Math.max(max, x);
        double[] p = new double[row.length];
        double sum = 0;
        for (int j = 0; j < row.length; j++) {
            p[j] = row[j] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(row[j] - max);
            sum += p[j];
        }
        for (int j = 0; j < row.length; j++) p[j] /= sum;
        return p;
    }

    /** Row-wise softmax of the scores. */
    protected double[][] probabilities(double[][] q, double[][] k, boolean causal) {
        double[][] s = scores(q, k, causal);
        double[][] p = new double[s.length][];
        for (int i = 0; i < s.length; i++) p[i] = softmax(s[i]);
        return p;
    }

    @Override
    public double[][] weights(double[][] q, double[][] k, boolean causal) {
        return probabilities(q, k, causal);
    }

    @Override
    public double[][] forward(double[][] q, double[][] k, double[][] v, boolean causal) {
        double[][] p = probabilities(q, k, causal);
        int n = q.length, m = k.length, dv = v[0].length;
        double[][] out = new double[n][dv];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
                for (int c = 0; c < dv; c++) out[i][c] += p[i][j] * v[j][c];
        return out;
    }

    @Override
    public Grads backward(double[][] q, double[][] k, double[][] v, boolean causal, double[][] upstream) {
        double[][] p = probabilities(q, k, causal);
        int n = q.length, m = k.length, dk = q[0].length, dvDim = v[0].length;
        double[][] dq = new double[n][dk], dK = new double[m][dk], dV = new double[m][dvDim];
        for (int i = 0; i < n; i++) {
            // dP[i][j] = <upstream_i, v_j>; dS = P * (dP - sum_j P dP)
            double[] dp = new double[m];
            double dot = 0;
            for (int j = 0; j < m; j++) {
                for (int c = 0; c < dvDim; c++) {
                    dp[j] += upstream[i][c] * v[j][c];
                    dV[j][c] += p[i][j] * upstream[i][c];
                }
                dot += p[i][j] * dp[j];
            }
            double sc = scale(dk);
            for (int j = 0; j < m; j++) {
                double ds = p[i][j] * (dp[j] - dot) * sc;
                if (ds == 0) continue;
                for (int c = 0; c < dk; c++) {
                    dq[i][c] += ds * k[j][c];
                    dK[j][c] += ds * q[i][c];
                }
            }
        }
        return new Grads(dq, dK, dV);
    }
}
