package katagym.distributed;

import katagym.grader.spec.Clause;

/**
 * Compute and memory accounting of dense transformer training: the 6ND rule, the Chinchilla-optimal
 * split of a compute budget, activation memory per layer (Korthikanti et al. 2022) and model FLOPs
 * utilisation. Kata {@code training-compute}.
 *
 * <p>Counts go far past the {@code int} range (and products of two counts past the {@code long} range):
 * the FLOP figures are doubles, the byte counts exact longs.
 */
@Clause(id = "flops6ND", value = "trainingFlops(N, D) = 6 N D as a double, accurate to 1e-9 relative, also when 6 N D is far past "
        + "Long.MAX_VALUE (N = 1e12, D = 1e13).")
@Clause(id = "chinchillaSplit", value = "chinchillaOptimal(C, r) returns N = sqrt(C / (6 r)) and D = r N, so that 6 N D = C and D / N = r.")
@Clause(id = "chinchillaRejects", value = "chinchillaOptimal throws IllegalArgumentException when C <= 0 or r <= 0.")
@Clause(id = "activationNone", value = "activationBytesPerLayer with NONE is s b h (34 + 5 a s / h) = 34 s b h + 5 a s^2 b bytes, exactly "
        + "(the attention term is not rounded: 5 a s / h need not be a whole number).")
@Clause(id = "activationSelective", value = "activationBytesPerLayer with SELECTIVE is 34 s b h bytes (the attention scores, softmax and "
        + "its dropout are recomputed).")
@Clause(id = "activationFull", value = "activationBytesPerLayer with FULL is 2 s b h bytes (only the layer's fp16 input is kept).")
@Clause(id = "activationLong", value = "activationBytesPerLayer is exact for results past the int range (up to 2^53): no int overflow.")
@Clause(id = "activationRejects", value = "activationBytesPerLayer throws IllegalArgumentException when heads < 1 or heads does not divide hidden.")
@Clause(id = "mfuValue", value = "mfu = 6 N tokensPerSecond / (gpus peakFlopsPerGpu): model FLOPs per second over the peak of all GPUs.")
@Clause(id = "mfuRejects", value = "mfu throws IllegalArgumentException when gpus < 1 or peakFlopsPerGpu <= 0.")
public interface TrainingCompute {

    /** A compute-optimal model size N (parameters) and data size D (tokens). */
    record Allocation(double parameters, double tokens) {}

    /** What a transformer layer keeps for its backward pass (Korthikanti et al. 2022, Table 2). */
    enum Recompute {
        /** keep every activation: {@code s b h (34 + 5 a s / h)} bytes. */
        NONE,
        /** selective recomputation (attention's core recomputed): {@code 34 s b h} bytes. */
        SELECTIVE,
        /** full recomputation (only the layer input is kept, fp16): {@code 2 s b h} bytes. */
        FULL
    }

    /**
     * Training FLOPs of a dense transformer: {@code 6 N D} (2 N per token for the forward pass, 4 N
     * for the backward), attention's own FLOPs ignored.
     *
     * @param parameters N, >= 0
     * @param tokens D, >= 0
     */
    double trainingFlops(long parameters, long tokens);

    /**
     * The Chinchilla-optimal allocation of a compute budget C with r tokens per parameter
     * (Hoffmann et al. 2022: r is about 20): solves {@code C = 6 N D} with {@code D = r N}.
     *
     * @throws IllegalArgumentException when computeFlops <= 0 or tokensPerParameter <= 0
     */
    Allocation chinchillaOptimal(double computeFlops, double tokensPerParameter);

    /**
     * Activation bytes one transformer layer stores for its backward pass, 16-bit activations, no
     * tensor or sequence parallelism (Korthikanti et al. 2022): {@code s b h (34 + 5 a s / h)} with
     * NONE, {@code 34 s b h} with SELECTIVE, {@code 2 s b h} with FULL.
     *
     * @param seq s, the sequence length, >= 1
     * @param batch b, the micro-batch size, >= 1
     * @param hidden h, the hidden size, >= 1
     * @param heads a, the number of attention heads; must divide hidden
     * @throws IllegalArgumentException when heads < 1 or hidden % heads != 0
     */
    long activationBytesPerLayer(long seq, long batch, long hidden, long heads, Recompute mode);

    /**
     * Model FLOPs utilisation: the model FLOPs per second actually done, {@code 6 N} per token, over
     * the peak FLOPs per second of all the GPUs: {@code 6 N tokensPerSecond / (gpus peakFlopsPerGpu)}.
     *
     * @throws IllegalArgumentException when gpus < 1 or peakFlopsPerGpu <= 0
     */
    double mfu(double tokensPerSecond, long parameters, int gpus, double peakFlopsPerGpu);
}
