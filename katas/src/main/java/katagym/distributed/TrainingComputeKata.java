package katagym.distributed;

import katagym.NotImplementedYet;

/**
 * Kata {@code training-compute}: 6ND training FLOPs, the Chinchilla-optimal split of a compute budget,
 * activation memory per layer with and without recomputation, and MFU.
 * Statement: katas/src/main/resources/statements/training-compute.md ({@code ./kata show training-compute}).
 */
public final class TrainingComputeKata implements TrainingCompute {

    /** Returns 6 N D as a double (N D alone can overflow a long). */
    @Override
    public double trainingFlops(long parameters, long tokens) {
        throw new NotImplementedYet("TrainingComputeKata.trainingFlops");
    }

    /**
     * Returns the N and D with 6 N D = computeFlops and D = tokensPerParameter * N; throws
     * IllegalArgumentException when either argument is <= 0.
     */
    @Override
    public Allocation chinchillaOptimal(double computeFlops, double tokensPerParameter) {
        throw new NotImplementedYet("TrainingComputeKata.chinchillaOptimal");
    }

    /**
     * Returns the activation bytes of one layer: s b h (34 + 5 a s / h) for NONE, 34 s b h for SELECTIVE,
     * 2 s b h for FULL, exactly, in long; throws IllegalArgumentException when heads < 1 or heads does
     * not divide hidden.
     */
    @Override
    public long activationBytesPerLayer(long seq, long batch, long hidden, long heads, Recompute mode) {
        throw new NotImplementedYet("TrainingComputeKata.activationBytesPerLayer");
    }

    /**
     * Returns 6 N tokensPerSecond / (gpus peakFlopsPerGpu); throws IllegalArgumentException when
     * gpus < 1 or peakFlopsPerGpu <= 0.
     */
    @Override
    public double mfu(double tokensPerSecond, long parameters, int gpus, double peakFlopsPerGpu) {
        throw new NotImplementedYet("TrainingComputeKata.mfu");
    }
}
