package katagym.attention;

/** Plausible learner bugs the multi-head self-attention spec must catch. */
final class MultiHeadSelfAttentionBugs {
    private MultiHeadSelfAttentionBugs() {}

    /** Scales every head by 1/sqrt(dModel), the model width, instead of the head's dk/h. */
    static final class ScaledBySqrtDModel extends MultiHeadSelfAttentionReference {
        @Override
        protected double scale(int headDim, int dModel, int numHeads) {
            return 1 / Math.sqrt(dModel);
        }
    }

    /** Scales by 1/sqrt(dk) of all heads together instead of one head's dk/h. */
    static final class ScaledByTheFullDk extends MultiHeadSelfAttentionReference {
        @Override
        protected double scale(int headDim, int dModel, int numHeads) {
            return 1 / Math.sqrt(headDim * numHeads);
        }
    }

    /** The causal mask is shifted by one: a token cannot see itself (the first token sees nothing). */
    static final class CausalMaskHidesTheTokenItself extends MultiHeadSelfAttentionReference {
        @Override
        protected boolean allowed(int i, int j, boolean causal) {
            return !causal || j < i;
        }
    }

    /** Head t takes the strided columns t, t + h, t + 2h, ... instead of a contiguous block. */
    static final class HeadsSplitStrided extends MultiHeadSelfAttentionReference {
        @Override
        protected double[][] headSlice(double[][] m, int t, int h) {
            int width = m[0].length / h;
            double[][] out = new double[m.length][width];
            for (int i = 0; i < m.length; i++)
                for (int c = 0; c < width; c++) out[i][c] = m[i][t + c * h];
            return out;
        }
    }

    /** Exponentiates the raw scores without subtracting the row maximum: exp overflows once a score passes about 709. */
    static final class SoftmaxWithoutMaxSubtraction extends MultiHeadSelfAttentionReference {
        @Override
        protected double[][] attend(double[][] q, double[][] k, double[][] v, boolean causal, double scale) {
            int n = q.length, dv = v[0].length;
            double[][] out = new double[n][dv];
            for (int i = 0; i < n; i++) {
                double[] e = new double[n];
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    if (!allowed(i, j, causal)) continue;
                    double dot = 0;
                    for (int c = 0; c < q[i].length; c++) dot += q[i][c] * k[j][c];
                    e[j] = Math.exp(dot * scale);
                    sum += e[j];
                }
                for (int j = 0; j < n; j++)
                    for (int c = 0; c < dv; c++) out[i][c] += e[j] / sum * v[j][c];
            }
            return out;
        }
    }

    /** Keeps the output tensor in a field and refills it: a second call overwrites the caller's first result. */
    static final class ReusesTheOutputTensor extends MultiHeadSelfAttentionReference {
        private double[][][] buffer;

        @Override
        public double[][][] forward(double[][][] x, int numHeads, Weights w, boolean causal) {
            double[][][] y = super.forward(x, numHeads, w, causal);
            if (buffer == null || buffer.length != y.length || buffer[0].length != y[0].length || buffer[0][0].length != y[0][0].length) {
                buffer = new double[y.length][y[0].length][y[0][0].length];
            }
            for (int b = 0; b < y.length; b++) for (int i = 0; i < y[b].length; i++) System.arraycopy(y[b][i], 0, buffer[b][i], 0, y[b][i].length);
            return buffer;
        }
    }

    /** Projects every head through wo separately and adds bo once per head instead of once. */
    static final class OutputBiasAddedOncePerHead extends MultiHeadSelfAttentionReference {
        @Override
        public double[][][] forward(double[][][] x, int numHeads, Weights w, boolean causal) {
            double[][][] y = super.forward(x, numHeads, w, causal);
            for (double[][] seq : y) for (double[] row : seq) for (int c = 0; c < row.length; c++) row[c] += (numHeads - 1) * w.bo()[c];
            return y;
        }
    }

    /** Slices the value heads with the query/key head width dk/h: wrong whenever dv != dk. */
    static final class ValueHeadsSlicedWithTheKeyWidth extends MultiHeadSelfAttentionReference {
        @Override
        public double[][][] forward(double[][][] x, int numHeads, Weights w, boolean causal) {
            int dk = w.wq().length, dv = w.wv().length;
            if (dk == dv) return super.forward(x, numHeads, w, causal);
            // take the first dk rows of wv (padded with zero rows) as if v had dk columns
            double[][] wv = new double[dv][];
            for (int r = 0; r < dv; r++) wv[r] = r < dk ? w.wv()[r].clone() : new double[w.wv()[r].length];
            return super.forward(x, numHeads, new Weights(w.wq(), w.wk(), wv, w.wo(), w.bo()), causal);
        }
    }
}
