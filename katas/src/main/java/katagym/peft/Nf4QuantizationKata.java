package katagym.peft;

import katagym.NotImplementedYet;

/**
 * Kata {@code nf4-quantization}: QLoRA's blockwise absmax 4-bit NormalFloat quantisation.
 * Statement: katas/src/main/resources/statements/nf4-quantization.md ({@code ./kata show nf4-quantization}).
 * The 16 levels are given as {@link Nf4Quantization#LEVELS}.
 */
public final class Nf4QuantizationKata implements Nf4Quantization {

    /**
     * Cuts x into blocks of blockSize values (the last may be shorter); returns each block's
     * {@code absmax = max |x|} and, per value, the index of the level in {@code LEVELS} nearest to
     * {@code x / absmax} (lower index on a tie). An all-zero block gets absmax 0 and codes 7.
     * Must not modify {@code x}.
     */
    @Override
    public Quantized quantize(double[] x, int blockSize) {
        throw new NotImplementedYet("Nf4QuantizationKata.quantize");
    }

    /** Returns {@code y[i] = LEVELS[codes[i]] * absmax[i / blockSize]}. */
    @Override
    public double[] dequantize(int[] codes, double[] absmax, int blockSize) {
        throw new NotImplementedYet("Nf4QuantizationKata.dequantize");
    }
}
