package katagym.peft;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class Int8QuantizationSpec implements KataSpec<Int8Quantization> {

    /** A vector to quantise. */
    record Case(double[] x) {}

    static Gen<Case> cases() {
        return s -> new Case(Gens.vectors(1, 12, Gens.doubles()).generate(s));
    }

    /**
     * Vectors whose scale is an exact power of two, 2^e, with one element at +-127 * 2^e and the
     * others at (k + 0.5) * 2^e: every other x / scale is an exact tie.
     */
    static Gen<Case> ties() {
        return s -> {
            double unit = Math.scalb(1.0, s.intBetween(-4, 4));
            int n = s.intBetween(1, 10);
            int at = s.intBetween(0, n);
            double[] x = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                if (i == at) {
                    x[i] = (s.choice(1) == 0 ? 127 : -127) * unit;
                } else {
                    x[i] = (s.intBetween(-127, 126) + 0.5) * unit;
                }
            }
            return new Case(x);
        };
    }

    /** Subnormal vectors (absmax 128 to 1000 times Double.MIN_VALUE): absmax / 127 rounds, and the clamp matters. */
    static Gen<Case> subnormals() {
        return s -> {
            int n = s.intBetween(1, 6);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = s.intBetween(-1000, 1000) * Double.MIN_VALUE;
            x[s.intBetween(0, n - 1)] = (s.chance(0.5) ? 1 : -1) * s.intBetween(128, 1000) * Double.MIN_VALUE;
            return new Case(x);
        };
    }

    /** Ordinary vectors, exact ties, subnormal vectors and, now and then, a zero or empty vector. */
    static Gen<Case> mixed() {
        Gen<Case> ordinary = cases();
        Gen<Case> ties = ties();
        Gen<Case> subnormals = subnormals();
        return s -> switch (s.weighted(0.6, 0.25, 0.1, 0.05)) {
            case 0 -> ordinary.generate(s);
            case 1 -> ties.generate(s);
            case 2 -> subnormals.generate(s);
            default -> new Case(new double[s.intBetween(0, 4)]);
        };
    }

    static double absmax(double[] x) {
        double m = 0;
        for (double v : x) m = Math.max(m, Math.abs(v));
        return m;
    }

    private static final String QUANTIZE_HINT = "scale = max|x| / 127; code = clamp(Math.rint(x / scale), -127, 127); an all-zero or empty x gives scale 0 and codes 0.";

    @Override
    public Class<Int8Quantization> contract() { return Int8Quantization.class; }

    @Override
    public List<Check<Int8Quantization>> checks() {
        return List.of(
            Check.<Int8Quantization>oracle("quantizeMatchesReference", ctx -> ctx.forAll(mixed(), c -> {
                Int8Quantization.Quantized expected = ctx.oracle().quantize(c.x());
                Int8Quantization.Quantized actual = pure("quantize(x)", () -> ctx.subject().quantize(c.x()), c.x());
                close("scale", expected.scale(), actual.scale());
                equal("codes", expected.codes(), actual.codes());
            })).enforces("scaleValue", "codesValue", "saturate", "zeroOrEmpty", "pure").hint(QUANTIZE_HINT),

            Check.<Int8Quantization>invariant("resultsAreNewArraysEachCall", ctx -> ctx.forAll(mixed(), c -> {
                fresh("quantize(x)", () -> ctx.subject().quantize(c.x()).codes(), c.x());
                Int8Quantization.Quantized q = ctx.oracle().quantize(c.x());
                fresh("dequantize(codes, scale)", () -> ctx.subject().dequantize(q.codes(), q.scale()), q.codes());
            })).enforces("newArrays")
                .hint("Allocate the codes and the dequantized values inside each call: a field reused between calls overwrites the caller's earlier result."),

            Check.<Int8Quantization>example("handWorkedEdgeCases", ctx -> {
                Int8Quantization q8 = ctx.subject();
                ctx.example("x = [] (empty)", () -> {
                    Int8Quantization.Quantized q = q8.quantize(new double[0]);
                    equal("scale", 0.0, q.scale());
                    equal("codes", new int[0], q.codes());
                    equal("dequantize([], 0)", new double[0], q8.dequantize(new int[0], 0.0));
                });
                ctx.example("x = [190, -190, 95] * Double.MIN_VALUE (absmax / 127 rounds down to Double.MIN_VALUE)", () -> {
                    Int8Quantization.Quantized q = q8.quantize(new double[] {190 * Double.MIN_VALUE, -190 * Double.MIN_VALUE, 95 * Double.MIN_VALUE});
                    equal("scale (190 / 127 ulps rounds to 1)", Double.MIN_VALUE, q.scale());
                    equal("codes (x / scale = 190, -190, 95: the first two clamp)", new int[] {127, -127, 95}, q.codes());
                });
                ctx.example("x = [127, 2.5, -2.5, 0.5, -0.0]", () -> {
                    Int8Quantization.Quantized q = q8.quantize(new double[] {127, 2.5, -2.5, 0.5, -0.0});
                    equal("scale", 1.0, q.scale());
                    equal("codes (ties to even: 2.5 -> 2, -2.5 -> -2, 0.5 -> 0)", new int[] {127, 2, -2, 0, 0}, q.codes());
                });
            }).enforces("zeroOrEmpty", "saturate", "codesValue", "scaleValue", "dequantizeValue")
                .hint("An empty vector is all-zero (scale 0, no codes); clamp every code to [-127, 127]; round half to even with Math.rint."),

            Check.<Int8Quantization>oracle("dequantizeMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                Int8Quantization.Quantized q = ctx.oracle().quantize(c.x());
                close("dequantized", ctx.oracle().dequantize(q.codes(), q.scale()),
                        pure("dequantize(codes, scale)", () -> ctx.subject().dequantize(q.codes(), q.scale()), q.codes()));
            })).enforces("dequantizeValue", "pure").hint("y[i] = codes[i] * scale, one scale for the whole vector."),

            Check.<Int8Quantization>invariant("scaleIsAbsmaxOver127AndCodesFitInt8", ctx -> ctx.forAll(mixed(), c -> {
                Int8Quantization.Quantized q = ctx.subject().quantize(c.x());
                double m = absmax(c.x());
                close("scale (max |x| / 127)", m / 127, q.scale());
                that(q.codes().length == c.x().length, () -> "got " + q.codes().length + " codes for " + c.x().length + " values");
                for (int i = 0; i < c.x().length; i++) {
                    int k = i;
                    that(q.codes()[k] >= -127 && q.codes()[k] <= 127, () -> "codes[" + k + "] = " + q.codes()[k] + " lies outside [-127, 127]");
                    // a subnormal scale rounds (1000 ulps / 127 gives 8 ulps), so only a normal scale puts the absmax exactly on +-127
                    if (m > 0 && m / 127 >= Double.MIN_NORMAL && Math.abs(c.x()[k]) == m) {
                        equal("code of the largest-magnitude element x[" + k + "]", c.x()[k] > 0 ? 127 : -127, q.codes()[k]);
                    }
                }
            })).enforces("scaleValue", "saturate").hint("The element of largest magnitude must land exactly on +-127: scale = max|x| / 127, not / 128."),

            Check.<Int8Quantization>invariant("roundTripErrorIsAtMostHalfAScale", ctx -> ctx.forAll(cases(), c -> {
                Int8Quantization.Quantized q = ctx.subject().quantize(c.x());
                double[] y = ctx.subject().dequantize(q.codes(), q.scale());
                that(y.length == c.x().length, () -> "dequantized has " + y.length + " values, expected " + c.x().length);
                for (int i = 0; i < y.length; i++) {
                    int k = i;
                    close("dequantized[" + k + "] (codes[k] * scale)", q.codes()[k] * q.scale(), y[k]);
                    double err = Math.abs(c.x()[k] - y[k]);
                    that(err <= q.scale() / 2 * (1 + 1e-9) + 1e-300,
                            () -> "|x - dequantized| at [" + k + "] is " + err + " > scale / 2 = " + q.scale() / 2
                                    + " (x = " + c.x()[k] + ", code " + q.codes()[k] + ", scale " + q.scale() + ")");
                }
            })).enforces("codesValue", "dequantizeValue").hint("Round to the nearest integer; truncating toward zero can lose almost a whole step."),

            Check.<Int8Quantization>invariant("exactTiesRoundHalfToEven", ctx -> ctx.forAll(ties(), c -> {
                Int8Quantization.Quantized q = ctx.subject().quantize(c.x());
                double unit = absmax(c.x()) / 127;
                close("scale", unit, q.scale());
                for (int i = 0; i < c.x().length; i++) {
                    double v = c.x()[i] / unit;
                    equal("code of x[" + i + "] = " + c.x()[i] + " (x / scale = " + v + ", a tie: round half to even)",
                            (int) Math.rint(v), q.codes()[i]);
                }
            })).enforces("codesValue").hint("Math.round rounds 2.5 to 3; torch.round and numpy.round give 2 (half to even): use Math.rint."),

            Check.<Int8Quantization>example("zeroVectorGivesZeroScaleAndCodes", ctx -> {
                for (int n : new int[] {0, 1, 4}) {
                    double[] x = new double[n];
                    ctx.example("x = " + n + " zeros", () -> {
                        Int8Quantization.Quantized q = ctx.subject().quantize(x);
                        equal("scale", 0.0, q.scale());
                        equal("codes", new int[n], q.codes());
                        equal("dequantized", new double[n], ctx.subject().dequantize(q.codes(), q.scale()));
                    });
                }
            }).enforces("zeroOrEmpty").hint("max|x| = 0 gives scale 0: return codes 0 instead of dividing 0 by 0."),

            Check.<Int8Quantization>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        Int8Quantization.Quantized q = ctx.subject().quantize(g.input().vec("x"));
                        close("scale", g.output().num("scale"), q.scale());
                        equal("codes", g.output().ints("codes"), q.codes());
                        close("dequantized", g.output().vec("dequantized"), ctx.subject().dequantize(q.codes(), q.scale()));
                    });
                }
            }).enforces("scaleValue", "codesValue", "dequantizeValue")
                .hint("These are PyTorch's values (torch.round, half to even): compare the scale first, then each code.")
        );
    }
}
