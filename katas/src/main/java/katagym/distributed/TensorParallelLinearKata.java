package katagym.distributed;

import katagym.NotImplementedYet;

/**
 * Kata {@code tensor-parallel-linear}: a Megatron-style column-parallel then row-parallel MLP,
 * Y = ReLU(X A + b1) B + b2, over p simulated ranks with one all-reduce.
 * Statement: katas/src/main/resources/statements/tensor-parallel-linear.md ({@code ./kata show tensor-parallel-linear}).
 */
public final class TensorParallelLinearKata implements TensorParallelLinear {

    /**
     * Returns p new shards: rank r gets columns r f/p .. (r+1) f/p - 1 of A, those entries of b1 and
     * those rows of B (copied); throws IllegalArgumentException when p < 1 or p does not divide f.
     */
    @Override
    public Shard[] shard(double[][] a, double[] b1, double[][] b, int p) {
        throw new NotImplementedYet("TensorParallelLinearKata.shard");
    }

    /**
     * Returns ReLU(X A + b1) B + b2 computed from the shards: each rank's partial ReLU(X A_r + b1_r) B_r,
     * one allReduce.sum of the partials, then b2 added once.
     */
    @Override
    public double[][] forward(double[][] x, Shard[] shards, double[] b2, AllReduce allReduce) {
        throw new NotImplementedYet("TensorParallelLinearKata.forward");
    }
}
