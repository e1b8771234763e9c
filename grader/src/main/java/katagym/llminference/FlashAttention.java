package katagym.llminference;

import katagym.grader.spec.Clause;

/**
 * Attention computed block by block with an online softmax (FlashAttention's inner loop). Kata
 * {@code flash-attention}. Scores are {@code s_j = q . k_j / sqrt(dk)}.
 */
@Clause(id = "stable", value = "update, finish and forward stay finite and accurate for scores of a thousand and more.")
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
    @Clause(id = "updateStatistics", value = "update returns the max, sum of exp(s_j - max) and acc = sum of exp(s_j - max) v_j over all keys seen, whatever the blocks.")
    @Clause(id = "rescaleBoth", value = "When a block raises the max, the old sum AND the old acc are rescaled by exp(oldMax - newMax).")
    @Clause(id = "updateReturnsNewState", value = "update returns a new State whose acc is a new array (not the argument's, not one reused between calls), and leaves the argument and its acc unchanged.")
    @Clause(id = "emptyBlock", value = "An empty block returns an equal state.")
    State update(State state, double[] q, double[][] kBlock, double[][] vBlock);

    /** The attention output {@code acc / sum} (a new array; the state is not modified); the state has seen at least one key. */
    @Clause(id = "finishValue", value = "finish returns acc / sum as a new array and does not modify the state.")
    double[] finish(State state);

    /**
     * softmax(q k^T / sqrt(dk) + mask) v for {@code q[n][dk]}, {@code k[m][dk]}, {@code v[m][dv]}, computed
     * per query by folding consecutive blocks of {@code blockSize >= 1} keys (the last may be shorter) with
     * {@link #update} and then calling {@link #finish} (what is checked is the result: plain attention up to
     * rounding, for every block size). Causal: query i uses keys 0..i only, all m keys when i >= m (blocks
     * after i are skipped, the block containing i is cut after key i). Returns a new {@code [n][dv]} array;
     * modifies nothing.
     */
    @Clause(id = "forwardValue", value = "forward equals softmax(q k^T / sqrt(dk)) v for every blockSize >= 1 (blocks change only the rounding).")
    @Clause(id = "causalMask", value = "With causal, query i uses keys 0..i only (all m keys when i >= m).")
    @Clause(id = "forwardNewArray", value = "forward returns a new [n][dv] array and modifies none of q, k, v.")
    double[][] forward(double[][] q, double[][] k, double[][] v, int blockSize, boolean causal);
}
