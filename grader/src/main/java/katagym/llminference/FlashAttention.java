package katagym.llminference;

/**
 * Attention computed block by block with an online softmax (FlashAttention's inner loop). Kata
 * {@code flash-attention}. Scores are {@code s_j = q . k_j / sqrt(dk)}.
 */
public interface FlashAttention {

    /**
     * The running statistics of one query after it has seen some set of keys S: {@code max} = the
     * largest score in S (-Infinity for none), {@code sum} = sum over S of exp(s_j - max), {@code acc} =
     * sum over S of exp(s_j - max) v_j (the unnormalised output, dv entries). Its size does not grow
     * with the number of keys seen.
     */
    record State(double max, double sum, double[] acc) {
        /** The state before any key: max -Infinity, sum 0, acc zeros. */
        public static State empty(int dv) {
            return new State(Double.NEGATIVE_INFINITY, 0, new double[dv]);
        }
    }

    /**
     * Folds one block of keys {@code kBlock[b][dk]} and values {@code vBlock[b][dv]} into the state of
     * query {@code q}, returning a new State (the argument and its acc are left unchanged). When the
     * block raises the maximum, the old sum and acc are rescaled by exp(oldMax - newMax). An empty block
     * returns an equal state.
     */
    State update(State state, double[] q, double[][] kBlock, double[][] vBlock);

    /** The attention output {@code acc / sum} (a new array); the state has seen at least one key. */
    double[] finish(State state);

    /**
     * softmax(q k^T / sqrt(dk) + mask) v for {@code q[n][dk]}, {@code k[m][dk]}, {@code v[m][dv]}, computed
     * per query by calling {@link #update} on consecutive blocks of {@code blockSize >= 1} keys
     * (the last may be shorter) and then {@link #finish}. Causal: query i uses keys 0..i only (blocks
     * after i are skipped, the block containing i is cut after key i). Returns {@code [n][dv]}.
     */
    double[][] forward(double[][] q, double[][] k, double[][] v, int blockSize, boolean causal);
}
