package katagym.peft;

import katagym.NotImplementedYet;

/**
 * Kata {@code int8-quantization}: symmetric absmax int8 quantisation and its inverse.
 * Statement: katas/src/main/resources/statements/int8-quantization.md ({@code ./kata show int8-quantization}).
 */
public final class Int8QuantizationKata implements Int8Quantization {

    /**
     * Returns {@code scale = max|x| / 127} and {@code codes[i] = clamp(roundHalfToEven(x[i] / scale), -127, 127)};
     * an all-zero vector gives scale 0 and codes 0. Must not modify {@code x}.
     */
    @Override
    public Quantized quantize(double[] x) {
        throw new NotImplementedYet("Int8QuantizationKata.quantize");
    }

    /** Returns {@code y[i] = codes[i] * scale}. */
    @Override
    public double[] dequantize(int[] codes, double scale) {
        throw new NotImplementedYet("Int8QuantizationKata.dequantize");
    }
}
