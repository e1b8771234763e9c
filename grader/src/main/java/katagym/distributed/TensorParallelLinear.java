package katagym.distributed;

import katagym.grader.spec.Clause;

/**
 * A Megatron-LM tensor-parallel MLP over p simulated ranks (Shoeybi et al. 2019):
 * {@code Y = ReLU(X A + b1) B + b2} with A {@code [d][f]} split by columns (column-parallel), B
 * {@code [f][k]} split by rows (row-parallel), and one all-reduce in the forward pass. Kata
 * {@code tensor-parallel-linear}. X is {@code [n][d]}; no method modifies its arguments.
 */
@Clause(id = "noModify", value = "No method modifies its arguments; shard and forward return new arrays (no row of A, b1 or B is shared).")
public interface TensorParallelLinear {

    /** The collective the ranks share: an all-reduce that sums one {@code [n][k]} matrix per rank. */
    interface AllReduce {
        /** Returns the elementwise sum of {@code perRank[0..p-1]} (every rank receives this same sum). */
        double[][] sum(double[][][] perRank);
    }

    /** What rank r holds: {@code a} {@code [d][f/p]}, {@code b1} {@code [f/p]}, {@code b} {@code [f/p][k]}. */
    record Shard(double[][] a, double[] b1, double[][] b) {}

    /**
     * Splits the weights over p ranks, in contiguous blocks: rank r gets columns
     * {@code r f/p .. (r+1) f/p - 1} of A, the same entries of b1, and the same rows of B.
     *
     * @throws IllegalArgumentException when p < 1 or p does not divide f
     */
    @Clause(id = "shardLayout", value = "shard gives rank r the contiguous block r f/p .. (r+1) f/p - 1: those columns of A, entries of b1 and rows of B.")
    @Clause(id = "shardShapes", value = "shard returns p shards of shapes a [d][f/p], b1 [f/p], b [f/p][k]: no rank holds a whole weight when p > 1.")
    @Clause(id = "shardRejects", value = "shard throws IllegalArgumentException when p < 1 or p does not divide f.")
    Shard[] shard(double[][] a, double[] b1, double[][] b, int p);

    /**
     * The forward pass computed by the ranks from their shards only: rank r computes
     * {@code Z_r = ReLU(X A_r + b1_r) B_r} (no communication: ReLU is elementwise, so each rank
     * applies it to its own columns), one call of {@code allReduce.sum} adds the p partial
     * {@code Z_r}, and b2 is added once, after it. Returns {@code [n][k]}.
     */
    @Clause(id = "forwardEqualsUnsharded", value = "forward equals the unsharded layer ReLU(X A + b1) B + b2 for every p dividing f.")
    @Clause(id = "oneAllReduce", value = "forward calls allReduce.sum exactly once, with p partial matrices of shape [n][k].")
    @Clause(id = "partialsPerRank", value = "the partial of rank r passed to the all-reduce is ReLU(X A_r + b1_r) B_r: its own shard only, without b2.")
    double[][] forward(double[][] x, Shard[] shards, double[] b2, AllReduce allReduce);
}
