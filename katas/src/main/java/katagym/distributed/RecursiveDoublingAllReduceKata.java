package katagym.distributed;

import katagym.NotImplementedYet;

/**
 * Kata {@code recursive-doubling-all-reduce}: all-reduce in log2 p pairwise exchange rounds.
 * Statement: katas/src/main/resources/statements/recursive-doubling-all-reduce.md
 * ({@code ./kata show recursive-doubling-all-reduce}).
 */
public final class RecursiveDoublingAllReduceKata implements RecursiveDoublingAllReduce {

    /**
     * Returns every rank's summed vector and the log (ordered by round, then sender): in round k
     * (0 .. log2 p - 1) rank r sends its whole vector to r ^ (1 << k) and adds the one it receives
     * (values from before the round). Throws IllegalArgumentException unless p is a power of two.
     * Must not modify {@code inputs}.
     */
    @Override
    public Result allReduce(double[][] inputs) {
        throw new NotImplementedYet("RecursiveDoublingAllReduceKata.allReduce");
    }
}
