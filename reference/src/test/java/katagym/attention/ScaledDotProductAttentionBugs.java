package katagym.attention;

/** Plausible learner bugs the scaled dot-product attention spec must catch. */
final class ScaledDotProductAttentionBugs {
    private ScaledDotProductAttentionBugs() {}

    /** Exponentiates the raw scores: exp(1000) overflows and the row becomes Infinity / Infinity = NaN. */
    static final class NoMaxSubtraction extends ScaledDotProductAttentionReference {
        @Override
        protected double[] softmax(double[] row) {
            double[] p = new double[row.length];
            double sum = 0;
            for (int j = 0; j < row.length; j++) {
                p[j] = Math.exp(row[j]);
                sum += p[j];
            }
            for (int j = 0; j < row.length; j++) p[j] /= sum;
            return p;
        }
    }

    /** Normalises each column (over the queries) instead of each row (over the keys). */
    static final class SoftmaxOverTheWrongAxis extends ScaledDotProductAttentionReference {
        @Override
        protected double[][] probabilities(double[][] q, double[][] k, boolean causal) {
            double[][] s = scores(q, k, causal);
            int n = s.length, m = k.length;
            double[][] p = new double[n][m];
            for (int j = 0; j < m; j++) {
                double[] col = new double[n];
                for (int i = 0; i < n; i++) col[i] = s[i][j];
                double[] pc = softmax(col);
                for (int i = 0; i < n; i++) p[i][j] = Double.isNaN(pc[i]) ? 0 : pc[i];
            }
            return p;
        }
    }

    /** The causal mask is shifted by one: query i also sees key i + 1. */
    static final class CausalMaskSeesTheNextToken extends ScaledDotProductAttentionReference {
        @Override
        protected boolean allowed(int i, int j, boolean causal) {
            return !causal || j <= i + 1;
        }
    }

    /** Divides the scores by dk instead of sqrt(dk). */
    static final class DividesByDkNotItsRoot extends ScaledDotProductAttentionReference {
        @Override
        protected double scale(int dk) {
            return 1.0 / dk;
        }
    }

    /** Backward drops the softmax Jacobian's "minus the row's weighted mean" term: dS = P * dP. */
    static final class SoftmaxBackwardWithoutMeanTerm extends ScaledDotProductAttentionReference {
        @Override
        public Grads backward(double[][] q, double[][] k, double[][] v, boolean causal, double[][] upstream) {
            double[][] p = probabilities(q, k, causal);
            int n = q.length, m = k.length, dk = q[0].length, dvDim = v[0].length;
            double[][] dq = new double[n][dk], dK = new double[m][dk], dV = new double[m][dvDim];
            double sc = scale(dk);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double dp = 0;
                    for (int c = 0; c < dvDim; c++) {
                        dp += upstream[i][c] * v[j][c];
                        dV[j][c] += p[i][j] * upstream[i][c];
                    }
                    double ds = p[i][j] * dp * sc;
                    for (int c = 0; c < dk; c++) {
                        dq[i][c] += ds * k[j][c];
                        dK[j][c] += ds * q[i][c];
                    }
                }
            }
            return new Grads(dq, dK, dV);
        }
    }
}
