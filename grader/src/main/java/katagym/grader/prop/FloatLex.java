package katagym.grader.prop;

/**
 * An order on non-negative doubles in which smaller codes are simpler values, so that shrinking a
 * code (lowering it, or trying a few simple codes) shrinks the value toward what a person would pick:
 * 0, then the whole numbers by size, then fractions with few binary digits near 1 (1.5, 0.5, 0.75,
 * 2.5 ...), and tiny magnitudes such as 1e-300 last. Shrinking toward zero <em>magnitude</em> instead
 * gives counterexamples like 1e-12 whose error hides under the tolerance; this order avoids that.
 *
 * <p>The idea is the one Hypothesis uses for floats: whole numbers below 2^52 are their own code; any
 * other value is coded above them from its exponent, reordered so that exponents of values >= 1 come
 * first (small before large) and those of values < 1 after them (near 1 before near 0), and from its
 * mantissa, whose fractional bits are reversed so that fewer fractional digits give a smaller code.
 */
public final class FloatLex {
    private FloatLex() {}

    private static final int MANTISSA_BITS = 52;
    private static final long MANTISSA_MASK = (1L << MANTISSA_BITS) - 1;
    private static final long WHOLE_LIMIT = 1L << MANTISSA_BITS;
    private static final int BIAS = 1023;

    /** The code of {@code |v|}, a finite double; in {@code [0, Long.MAX_VALUE]}. */
    public static long encode(double v) {
        double m = Math.abs(v);
        if (!Double.isFinite(m)) throw new IllegalArgumentException("not finite: " + v);
        if (m == Math.rint(m) && m < WHOLE_LIMIT) return (long) m;
        long bits = Double.doubleToRawLongBits(m);
        int exponent = (int) (bits >>> MANTISSA_BITS); // biased; 2047 (inf/NaN) excluded above
        long mantissa = reverseFraction(exponent, bits & MANTISSA_MASK);
        return WHOLE_LIMIT + (((long) exponentOrder(exponent)) << MANTISSA_BITS | mantissa);
    }

    /** The non-negative double of a code (any long >= 0 decodes to a finite value). */
    public static double decode(long code) {
        if (code < 0) throw new IllegalArgumentException("negative code " + code);
        if (code < WHOLE_LIMIT) return code;
        long rest = code - WHOLE_LIMIT;
        int order = (int) (rest >>> MANTISSA_BITS);
        int exponent = exponentOf(Math.min(order, 2046));
        long mantissa = reverseFraction(exponent, rest & MANTISSA_MASK);
        return Double.longBitsToDouble(((long) exponent << MANTISSA_BITS) | mantissa);
    }

    /** Unbiased exponents 0, 1, 2 ... first, then -1, -2 ... (subnormals last). */
    private static int exponentOrder(int biased) {
        int unbiased = biased - BIAS;
        return unbiased >= 0 ? unbiased : BIAS - unbiased;
    }

    private static int exponentOf(int order) {
        return order <= BIAS ? order + BIAS : 2 * BIAS - order;
    }

    /** Reverses the bits below the binary point (all 52 when the value is < 1); an involution. */
    private static long reverseFraction(int biased, long mantissa) {
        int unbiased = biased - BIAS;
        if (unbiased >= MANTISSA_BITS) return mantissa;
        int fractionBits = unbiased <= 0 ? MANTISSA_BITS : MANTISSA_BITS - unbiased;
        long fractionMask = (1L << fractionBits) - 1;
        long fraction = mantissa & fractionMask;
        long reversed = Long.reverse(fraction) >>> (64 - fractionBits);
        return (mantissa & ~fractionMask) | reversed;
    }
}
