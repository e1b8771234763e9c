package katagym.peft;

import katagym.grader.spec.Clause;

/**
 * QLoRA's blockwise absmax NF4 (4-bit NormalFloat) quantisation (Dettmers et al. 2023).
 * Kata {@code nf4-quantization}. Neither method modifies its arguments.
 *
 * <p>{@code x} is cut into consecutive blocks of {@code blockSize} values (the last block may be
 * shorter): block {@code k} holds {@code x[k*blockSize .. min(n, (k+1)*blockSize) - 1]}. An empty
 * {@code x} gives no codes and no absmax. Any finite x is allowed, blocks of subnormal magnitude included.
 */
@Clause(id = "pure", value = "Neither method modifies its arguments.")
@Clause(id = "newArrays", value = "codes, absmax and the dequantized values are new arrays on every call (not an argument, not a buffer reused between calls).")
@Clause(id = "emptyInput", value = "An empty x gives empty codes and an empty absmax (ceil(0 / blockSize) = 0 blocks); dequantizing no codes gives an empty array.")
public interface Nf4Quantization {

    /**
     * The 16 NF4 levels, ascending, as in bitsandbytes (float32 values widened to double). Index 7 is
     * exactly 0, index 0 is -1 and index 15 is 1. Read it, never modify it.
     */
    double[] LEVELS = {
        -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453,
        -0.28444138169288635, -0.18477343022823334, -0.09105003625154495, 0.0,
        0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
        0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0,
    };

    /** 4-bit codes (0..15), one per value, and one absmax per block. */
    record Quantized(int[] codes, double[] absmax) {}

    /**
     * {@code absmax[k] = max |x[i]|} over block {@code k}; {@code codes[i]} is the index {@code j}
     * of the level nearest to {@code x[i] / absmax[k]} (smallest {@code |x[i] / absmax[k] - LEVELS[j]|};
     * on an exact tie, the lower index). A block whose absmax is 0 gets absmax 0 and code 7 (the level 0)
     * for every value. {@code absmax} has {@code ceil(n / blockSize)} entries.
     */
    @Clause(id = "absmaxValue", value = "absmax[k] = max |x[i]| over block k; there are ceil(n / blockSize) blocks, the last one possibly shorter.")
    @Clause(id = "nearestLevel", value = "codes[i] is the index of the level nearest to x[i] / absmax[k], for any finite x, subnormal blocks included.")
    @Clause(id = "tieLowerIndex", value = "On an exact tie between two levels the lower index wins.")
    @Clause(id = "zeroBlock", value = "A block whose absmax is 0 gets absmax 0 and code 7 for every value.")
    Quantized quantize(double[] x, int blockSize);

    /** {@code y[i] = LEVELS[codes[i]] * absmax[i / blockSize]}. */
    @Clause(id = "dequantizeValue", value = "dequantize(codes, absmax, blockSize)[i] = LEVELS[codes[i]] * absmax[i / blockSize].")
    double[] dequantize(int[] codes, double[] absmax, int blockSize);
}
