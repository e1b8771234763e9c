package katagym.peft;

import katagym.grader.spec.Clause;

/**
 * Symmetric absmax int8 quantisation of a vector (one scale for the whole vector). Kata {@code int8-quantization}.
 * Neither method modifies its arguments; each returns new arrays on every call.
 */
@Clause(id = "pure", value = "Neither method modifies its arguments.")
@Clause(id = "newArrays", value = "The codes and the dequantized values are new arrays on every call (not an argument, not a buffer reused between calls).")
public interface Int8Quantization {

    /** The int8 codes of a vector and the one scale that maps them back: {@code x[i] ~ codes[i] * scale}. */
    record Quantized(int[] codes, double scale) {}

    /**
     * {@code scale = max_i |x[i]| / 127}; {@code codes[i] = clamp(roundHalfToEven(x[i] / scale), -127, 127)}.
     * An all-zero (or empty) vector has {@code scale = 0} and all codes 0 (never divide 0 by 0). The
     * clamp matters: for a subnormal absmax, absmax / 127 rounds and x / scale can pass 127.
     */
    @Clause(id = "scaleValue", value = "scale = max |x| / 127.")
    @Clause(id = "codesValue", value = "codes[i] = clamp(roundHalfToEven(x[i] / scale), -127, 127): exact ties go to the even neighbour.")
    @Clause(id = "saturate", value = "Codes never leave [-127, 127], also when a subnormal scale rounds so that x / scale passes 127.")
    @Clause(id = "zeroOrEmpty", value = "An all-zero or empty vector gives scale 0 and codes 0 (an empty codes array for an empty vector).")
    Quantized quantize(double[] x);

    /** {@code y[i] = codes[i] * scale}. */
    @Clause(id = "dequantizeValue", value = "dequantize(codes, scale)[i] = codes[i] * scale.")
    double[] dequantize(int[] codes, double scale);
}
