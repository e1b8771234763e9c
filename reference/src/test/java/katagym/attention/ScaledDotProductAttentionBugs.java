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

    /** "exp(-30) is zero anyway": weights below e^-30 of the row maximum are flushed to 0 (the contract asks for relative accuracy). */
    static final class FlushesTinyWeightsToZero extends ScaledDotProductAttentionReference {
        @Override
        protected double[] softmax(double[] row) {
            double max = Double.NEGATIVE_INFINITY;
            for (double x : row) max = Math.max(max, x);
            double[] p = new double[row.length];
            double sum = 0;
            for (int j = 0; j < row.length; j++) {
                p[j] = row[j] - max < -30 ? 0 : Math.exp(row[j] - max);
                sum += p[j];
            }
            for (int j = 0; j < row.length; j++) p[j] /= sum;
            return p;
        }
    }

    /** Keeps the weight matrix in a field to "save allocations": the next call overwrites the caller's earlier result. */
    static final class ReusesTheWeightsBuffer extends ScaledDotProductAttentionReference {
        private double[][] buffer = new double[0][0];

        @Override
        public double[][] weights(double[][] q, double[][] k, boolean causal) {
            double[][] p = probabilities(q, k, causal);
            if (buffer.length != p.length || buffer[0].length != p[0].length) buffer = new double[p.length][p[0].length];
            for (int i = 0; i < p.length; i++) System.arraycopy(p[i], 0, buffer[i], 0, p[i].length);
            return buffer;
        }
    }

    /** With a single key every weight is 1, so it returns v's row itself for every query: the output aliases the argument. */
    static final class OneKeyReturnsTheValueRowItself extends ScaledDotProductAttentionReference {
        @Override
        public double[][] forward(double[][] q, double[][] k, double[][] v, boolean causal) {
            if (k.length != 1) return super.forward(q, k, v, causal);
            double[][] out = new double[q.length][];
            for (int i = 0; i < q.length; i++) out[i] = v[0];
            return out;
        }
    }

    /** Backward scales dq and dk by 1/sqrt(dv), the value width, instead of 1/sqrt(dk): right only when dk == dv. */
    static final class BackwardScaledByTheValueWidth extends ScaledDotProductAttentionReference {
        @Override
        public Grads backward(double[][] q, double[][] k, double[][] v, boolean causal, double[][] upstream) {
            Grads g = super.backward(q, k, v, causal, upstream);
            double f = Math.sqrt(q[0].length) / Math.sqrt(v[0].length);
            for (double[] row : g.dq()) for (int c = 0; c < row.length; c++) row[c] *= f;
            for (double[] row : g.dk()) for (int c = 0; c < row.length; c++) row[c] *= f;
            return g;
        }
    }
}
