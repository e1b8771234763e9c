package katagym.llminference;

/** Correct flash-attention solutions unlike the reference. */
final class FlashAttentionAlternatives {
    private FlashAttentionAlternatives() {}

    /**
     * Folds one key at a time (the block's keys in order), rescaling only when a key raises the max, with
     * no special case for the empty state: exp(-Infinity - m) is already 0.
     */
    static final class KeyByKeyWithoutInfinityGuard implements FlashAttention {
        @Override
        public State update(State state, double[] q, double[][] kBlock, double[][] vBlock) {
            double max = state.max(), sum = state.sum();
            double[] acc = state.acc().clone();
            for (int j = 0; j < kBlock.length; j++) {
                double s = 0;
                for (int c = 0; c < q.length; c++) s += q[c] * kBlock[j][c];
                s /= Math.sqrt(q.length);
                if (s > max) {
                    double alpha = Math.exp(max - s);
                    sum *= alpha;
                    for (int c = 0; c < acc.length; c++) acc[c] *= alpha;
                    max = s;
                }
                double p = Math.exp(s - max);
                sum += p;
                for (int c = 0; c < acc.length; c++) acc[c] += p * vBlock[j][c];
            }
            return new State(max, sum, acc);
        }

        @Override
        public double[] finish(State state) {
            double[] out = state.acc().clone();
            for (int c = 0; c < out.length; c++) out[c] = state.acc()[c] / state.sum();
            return out;
        }

        @Override
        public double[][] forward(double[][] q, double[][] k, double[][] v, int blockSize, boolean causal) {
            double[][] out = new double[q.length][];
            for (int i = 0; i < q.length; i++) {
                int end = causal ? Math.min(i + 1, k.length) : k.length;
                State st = State.empty(v[0].length);
                for (int start = 0; start < end; start += blockSize) {
                    int stop = Math.min(end, start + blockSize);
                    st = update(st, q[i], java.util.Arrays.copyOfRange(k, start, stop), java.util.Arrays.copyOfRange(v, start, stop));
                }
                out[i] = finish(st);
            }
            return out;
        }
    }
}
