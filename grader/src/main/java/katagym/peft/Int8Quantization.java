package katagym.peft;

/**
 * Symmetric absmax int8 quantisation of a vector (one scale for the whole vector). Kata {@code int8-quantization}.
 * Neither method modifies its arguments.
 */
public interface Int8Quantization {

    /** The int8 codes of a vector and the one scale that maps them back: {@code x[i] ~ codes[i] * scale}. */
    record Quantized(int[] codes, double scale) {}

    /**
     * {@code scale = max_i |x[i]| / 127}; {@code codes[i] = clamp(roundHalfToEven(x[i] / scale), -127, 127)}.
     * An all-zero (or empty) vector has {@code scale = 0} and all codes 0 (never divide 0 by 0).
     */
    Quantized quantize(double[] x);

    /** {@code y[i] = codes[i] * scale}. */
    double[] dequantize(int[] codes, double scale);
}
