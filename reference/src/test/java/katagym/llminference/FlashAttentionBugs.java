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

    /** Returns the state it was given when the block is empty: the "new" state is the caller's own object and acc. */
    static final class EmptyBlockReturnsTheSameState extends FlashAttentionReference {
        @Override
        public State update(State state, double[] q, double[][] kBlock, double[][] vBlock) {
            if (kBlock.length == 0) return state;
            return super.update(state, q, kBlock, vBlock);
        }
    }

    /** Divides the accumulator in place and returns it: finish destroys the state it was given. */
    static final class FinishDividesTheAccInPlace extends FlashAttentionReference {
        @Override
        public double[] finish(State state) {
            double[] acc = state.acc();
            for (int c = 0; c < acc.length; c++) acc[c] /= state.sum();
            return acc;
        }
    }

    /** Keeps one accumulator array in a field and rescales it in place: every earlier State's acc changes too. */
    static final class ReusesOneAccBuffer extends FlashAttentionReference {
        private double[] buffer;

        @Override
        protected State accumulate(State state, double alpha, double max, double[] s, double[][] vBlock, int dv) {
            State fresh = super.accumulate(state, alpha, max, s, vBlock, dv);
            if (buffer == null || buffer.length != dv) buffer = new double[dv];
            System.arraycopy(fresh.acc(), 0, buffer, 0, dv);
            return new State(fresh.max(), fresh.sum(), buffer);
        }
    }

    /** Causal: uses keys 0..i without capping at m, so a query row past the last key reads beyond k. */
    static final class CausalKeysNotCappedAtM extends FlashAttentionReference {
        @Override
        protected int visibleKeys(int i, int m, boolean causal) {
            return causal ? i + 1 : m;
        }
    }
}
