package katagym.llminference;

/** Plausible learner bugs the grouped-query attention spec must catch. */
final class GroupedQueryAttentionBugs {
    private GroupedQueryAttentionBugs() {}

    /** Maps query head h to kv head h mod hkv (round robin) instead of h / group. */
    static final class KvHeadIsHModHkv extends GroupedQueryAttentionReference {
        @Override
        protected int kvHead(int h, int hq, int hkv) {
            return h % hkv;
        }
    }

    /** Scales by the width of all query heads together, sqrt(hq * dh), instead of one head's sqrt(dh). */
    static final class ScaledByAllHeadsWidth extends GroupedQueryAttentionReference {
        @Override
        protected double scale(int dh, int hq) {
            return 1 / Math.sqrt((double) dh * hq);
        }
    }

    /** The causal mask is shifted by one: query i also sees key i + 1. */
    static final class CausalMaskSeesTheNextToken extends GroupedQueryAttentionReference {
        @Override
        protected boolean allowed(int i, int j, boolean causal) {
            return !causal || j <= i + 1;
        }
    }

    /** Softmax without subtracting the row maximum: exp overflows for scores in the hundreds. */
    static final class SoftmaxWithoutTheMax extends GroupedQueryAttentionReference {
        @Override
        public double[][][] forward(double[][][] q, double[][][] k, double[][][] v, boolean causal) {
            int hq = q.length, hkv = k.length;
            double[][][] out = new double[hq][][];
            for (int h = 0; h < hq; h++) {
                int g = kvHead(h, hq, hkv);
                int n = q[h].length, m = k[g].length, dv = v[g][0].length, dh = q[h][0].length;
                out[h] = new double[n][dv];
                for (int i = 0; i < n; i++) {
                    double[] e = new double[m];
                    double sum = 0;
                    for (int j = 0; j < m; j++) {
                        if (!allowed(i, j, causal)) continue;
                        double dot = 0;
                        for (int c = 0; c < dh; c++) dot += q[h][i][c] * k[g][j][c];
                        sum += e[j] = Math.exp(dot / Math.sqrt(dh));
                    }
                    for (int j = 0; j < m; j++)
                        for (int c = 0; c < dv; c++) out[h][i][c] += e[j] / sum * v[g][j][c];
                }
            }
            return out;
        }
    }

    /** Divides by the number of kv heads instead of the group size: h / hkv, right only when hkv = hq / hkv. */
    static final class KvHeadIsHOverHkv extends GroupedQueryAttentionReference {
        @Override
        protected int kvHead(int h, int hq, int hkv) {
            return Math.min(h / hkv, hkv - 1);
        }
    }

    /** Scales the scores by 1/sqrt(dv), the value width, instead of the key width dh. */
    static final class ScaleUsesTheValueWidth extends GroupedQueryAttentionReference {
        private int dv = 1;

        @Override
        public double[][][] forward(double[][][] q, double[][][] k, double[][][] v, boolean causal) {
            dv = v[0][0].length;
            return super.forward(q, k, v, causal);
        }

        @Override
        protected double scale(int dh, int hq) {
            return 1 / Math.sqrt(dv);
        }
    }

    /** Aligns the causal mask to the bottom right (key j visible when j <= i + m - n), as decoding kernels do, not j <= i. */
    static final class CausalMaskAlignedBottomRight extends GroupedQueryAttentionReference {
        private int shift;

        @Override
        public double[][][] forward(double[][][] q, double[][][] k, double[][][] v, boolean causal) {
            shift = Math.max(0, k[0].length - q[0].length);
            return super.forward(q, k, v, causal);
        }

        @Override
        protected boolean allowed(int i, int j, boolean causal) {
            return !causal || j <= i + shift;
        }
    }

    /** Keeps the output tensor in a field and refills it: a second call overwrites the caller's first result. */
    static final class ReusesTheOutputBuffer extends GroupedQueryAttentionReference {
        private double[][][] buffer;

        @Override
        public double[][][] forward(double[][][] q, double[][][] k, double[][][] v, boolean causal) {
            double[][][] fresh = super.forward(q, k, v, causal);
            if (buffer == null || buffer.length != fresh.length || buffer[0].length != fresh[0].length
                    || buffer[0][0].length != fresh[0][0].length) {
                buffer = fresh;
                return buffer;
            }
            for (int h = 0; h < fresh.length; h++)
                for (int i = 0; i < fresh[h].length; i++) System.arraycopy(fresh[h][i], 0, buffer[h][i], 0, fresh[h][i].length);
            return buffer;
        }
    }
}
