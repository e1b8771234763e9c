package katagym.llminference;

public class FlashAttentionReference implements FlashAttention {

    /** exp(x - max), the shifted exponential every term goes through. */
    protected double shifted(double x, double max) {
        return Math.exp(x - max);
    }

    @Override
    public State update(State state, double[] q, double[][] kBlock, double[][] vBlock) {
        int b = kBlock.length, dv = state.acc().length;
        if (b == 0) return new State(state.max(), state.sum(), state.acc().clone());
        double scale = 1 / Math.sqrt(q.length);
        double[] s = new double[b];
        double blockMax = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < b; j++) {
            double dot = 0;
            for (int c = 0; c < q.length; c++) dot += q[c] * kBlock[j][c];
            s[j] = dot * scale;
            blockMax = Math.max(blockMax, s[j]);
        }
        double max = Math.max(state.max(), blockMax);
        double alpha = state.max() == Double.NEGATIVE_INFINITY ? 0 : shifted(state.max(), max);
        return accumulate(state, alpha, max, s, vBlock, dv);
    }

    /** The new state: the old sum and acc rescaled by alpha, plus this block's terms. */
    protected State accumulate(State state, double alpha, double max, double[] s, double[][] vBlock, int dv) {
        double sum = alpha * state.sum();
        double[] acc = new double[dv];
        for (int c = 0; c < dv; c++) acc[c] = alpha * state.acc()[c];
        for (int j = 0; j < s.length; j++) {
            double p = shifted(s[j], max);
            sum += p;
            for (int c = 0; c < dv; c++) acc[c] += p * vBlock[j][c];
        }
        return new State(max, sum, acc);
    }

    @Override
    public double[] finish(State state) {
        double[] out = new double[state.acc().length];
        for (int c = 0; c < out.length; c++) out[c] = state.acc()[c] / state.sum();
        return out;
    }

    /** How many keys query i may use: all m, or i + 1 when causal. */
    protected int visibleKeys(int i, int m, boolean causal) {
        return causal ? Math.min(i + 1, m) : m;
    }

    @Override
    public double[][] forward(double[][] q, double[][] k, double[][] v, int blockSize, boolean causal) {
        int n = q.length, m = k.length, dv = v[0].length;
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            int visible = visibleKeys(i, m, causal);
            State st = State.empty(dv);
            for (int start = 0; start < visible; start += blockSize) {
                int end = Math.min(start + blockSize, visible);
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
