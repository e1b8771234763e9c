package katagym.llminference;

/** Plausible learner bugs the flash-attention spec must catch. */
final class FlashAttentionBugs {
    private FlashAttentionBugs() {}

    /** Rescales the accumulator when the maximum grows but forgets to rescale the running sum. */
    static final class SumNotRescaledWhenTheMaxChanges extends FlashAttentionReference {
        @Override
        protected FlashAttention.State accumulate(FlashAttention.State state, double alpha, double max, double[] s, double[][] vBlock, int dv) {
            FlashAttention.State right = super.accumulate(state, alpha, max, s, vBlock, dv);
            double sum = state.sum();
            for (double x : s) sum += shifted(x, max);
            return new FlashAttention.State(max, sum, right.acc());
        }
    }

    /** Never rescales the old sum and accumulator: each block's terms keep their own block's shift. */
    static final class NoRescalingAtAll extends FlashAttentionReference {
        @Override
        protected FlashAttention.State accumulate(FlashAttention.State state, double alpha, double max, double[] s, double[][] vBlock, int dv) {
            return super.accumulate(state, state.max() == Double.NEGATIVE_INFINITY ? 0 : 1, max, s, vBlock, dv);
        }
    }

    /** Exponentiates raw scores (no running max subtracted): overflows for scores near 1e3. */
    static final class NoMaxSubtraction extends FlashAttentionReference {
        @Override
        protected double shifted(double x, double max) {
            return Math.exp(x);
        }
    }

    /** Causal forward that keeps the whole block containing query i, so it sees keys i+1.. of that block. */
    static final class CausalBlockNotCut extends FlashAttentionReference {
        @Override
        public double[][] forward(double[][] q, double[][] k, double[][] v, int blockSize, boolean causal) {
            int n = q.length, m = k.length, dv = v[0].length;
            double[][] out = new double[n][];
            for (int i = 0; i < n; i++) {
                FlashAttention.State st = FlashAttention.State.empty(dv);
                for (int start = 0; start < m && (!causal || start <= i); start += blockSize) {
                    int end = Math.min(start + blockSize, m);
                    double[][] kb = new double[end - start][], vb = new double[end - start][];
                    for (int j = start; j < end; j++) {
                        kb[j - start] = k[j];
                        vb[j - start] = v[j];
                    }
                    st = update(st, q[i], kb, vb);
                }
                out[i] = finish(st);
            }
            return out;
        }
    }
}
