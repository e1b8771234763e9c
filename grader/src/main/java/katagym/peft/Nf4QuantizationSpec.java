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

public final class Nf4QuantizationSpec implements KataSpec<Nf4Quantization> {

    /** A vector and the block size it is quantised with. */
    record Case(double[] x, int blockSize) {}

    /** Arbitrary codes and block absmax values to dequantise. */
    record Codes(int[] codes, double[] absmax, int blockSize) {}

    /** Vectors of 0..24 values (magnitudes varying across blocks, subnormal ones included), some blocks all zero, any block size. */
    static Gen<Case> cases() {
        return s -> {
            int bs = s.chance(0.5) ? Gens.oneOf(2, 4, 8).generate(s) : s.intBetween(1, 9);
            int n = s.chance(0.04) ? 0 : s.intBetween(1, 24);
            double[] x = new double[n];
            for (int start = 0; start < n; start += bs) {
                int kind = s.weighted(0.6, 0.25, 0.15);
                double mag = kind == 0 ? 1 : kind == 1 ? Gens.oneOf(0.01, 100.0, 1e-5, 1e-310, 1e300).generate(s) : 0;
                for (int i = start; i < Math.min(n, start + bs); i++) x[i] = mag * Gens.doubles(-3, 3).generate(s);
            }
            return new Case(x, bs);
        };
    }

    /** The widest gap between adjacent levels: the quantisation error is at most absmax times half of it. */
    static double widestGap() {
        double w = 0;
        for (int j = 0; j + 1 < Nf4Quantization.LEVELS.length; j++) w = Math.max(w, Nf4Quantization.LEVELS[j + 1] - Nf4Quantization.LEVELS[j]);
        return w;
    }

    static double blockMax(double[] x, int k, int bs) {
        double m = 0;
        for (int i = k * bs; i < Math.min(x.length, (k + 1) * bs); i++) m = Math.max(m, Math.abs(x[i]));
        return m;
    }

    static Nf4Quantization.Quantized quantized(Nf4Quantization q, Case c) {
        Nf4Quantization.Quantized r = q.quantize(c.x(), c.blockSize());
        int blocks = (c.x().length + c.blockSize() - 1) / c.blockSize();
        that(r != null && r.codes() != null && r.absmax() != null, "quantize returned null");
        that(r.codes().length == c.x().length, () -> "got " + r.codes().length + " codes for " + c.x().length + " values");
        that(r.absmax().length == blocks, () -> "got " + r.absmax().length + " absmax values for " + blocks
                + " blocks (ceil(" + c.x().length + " / " + c.blockSize() + "))");
        return r;
    }

    private static final String QUANTIZE_HINT = "Per block: absmax = max |x|, then each x / absmax goes to the index of the nearest of the 16 levels (code 7 when absmax is 0).";
    private static final String DEQUANTIZE_HINT = "y[i] = LEVELS[codes[i]] * absmax[i / blockSize]: the block of value i is i / blockSize.";

    @Override
    public Class<Nf4Quantization> contract() { return Nf4Quantization.class; }

    @Override
    public List<Check<Nf4Quantization>> checks() {
        return List.of(
            Check.<Nf4Quantization>oracle("quantizeMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                Nf4Quantization.Quantized e = ctx.oracle().quantize(c.x(), c.blockSize());
                Nf4Quantization.Quantized a = pure("quantize(x, blockSize)", () -> ctx.subject().quantize(c.x(), c.blockSize()), c.x());
                close("absmax", e.absmax(), a.absmax());
                equal("codes", e.codes(), a.codes());
            })).enforces("absmaxValue", "nearestLevel", "zeroBlock", "emptyInput", "pure").hint(QUANTIZE_HINT),

            Check.<Nf4Quantization>invariant("resultsAreNewArraysEachCall", ctx -> ctx.forAll(cases(), c -> {
                fresh("quantize(x, blockSize)", () -> {
                    Nf4Quantization.Quantized q = ctx.subject().quantize(c.x(), c.blockSize());
                    return new Object[] {q.codes(), q.absmax()};
                }, c.x());
                Nf4Quantization.Quantized q = ctx.oracle().quantize(c.x(), c.blockSize());
                fresh("dequantize(codes, absmax, blockSize)", () -> ctx.subject().dequantize(q.codes(), q.absmax(), c.blockSize()),
                        q.codes(), q.absmax());
            })).enforces("newArrays")
                .hint("Allocate codes, absmax and the dequantized values inside each call: a field reused between calls overwrites the caller's earlier result."),

            Check.<Nf4Quantization>example("handWorkedEdgeCases", ctx -> {
                Nf4Quantization n = ctx.subject();
                ctx.example("x = [] (empty), blockSize = 4", () -> {
                    Nf4Quantization.Quantized q = n.quantize(new double[0], 4);
                    equal("codes", new int[0], q.codes());
                    equal("absmax (no blocks)", new double[0], q.absmax());
                    equal("dequantize([], [], 4)", new double[0], n.dequantize(new int[0], new double[0], 4));
                });
                double tiny = Double.MIN_VALUE * 1000;
                ctx.example("x = [1000, -500, 250] * Double.MIN_VALUE (a subnormal block), blockSize = 4", () -> {
                    Nf4Quantization.Quantized q = n.quantize(new double[] {tiny, -tiny / 2, tiny / 4}, 4);
                    equal("absmax", new double[] {tiny}, q.absmax());
                    equal("codes (levels 1.0, about -0.5, about 0.25)", new int[] {15, 2, 10}, q.codes());
                });
                ctx.example("x = [3, -3, 0.3, 1e300], blockSize = 3 (a last block of one value)", () -> {
                    Nf4Quantization.Quantized q = n.quantize(new double[] {3, -3, 0.3, 1e300}, 3);
                    equal("absmax", new double[] {3, 1e300}, q.absmax());
                    equal("codes", new int[] {15, 0, 8, 15}, q.codes());
                });
            }).enforces("emptyInput", "absmaxValue", "nearestLevel", "dequantizeValue")
                .hint("An empty x has no blocks: (n + blockSize - 1) / blockSize is 0, while (n - 1) / blockSize + 1 is 1. Divide by the absmax; 1 / absmax overflows for a subnormal block."),

            Check.<Nf4Quantization>oracle("dequantizeMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                Nf4Quantization.Quantized q = ctx.oracle().quantize(c.x(), c.blockSize());
                close("dequantized", ctx.oracle().dequantize(q.codes(), q.absmax(), c.blockSize()),
                        pure("dequantize(codes, absmax, blockSize)", () -> ctx.subject().dequantize(q.codes(), q.absmax(), c.blockSize()),
                                q.codes(), q.absmax()));
            })).enforces("dequantizeValue", "pure").hint(DEQUANTIZE_HINT),

            Check.<Nf4Quantization>invariant("absmaxIsTheLargestMagnitudeOfEachBlock", ctx -> ctx.forAll(cases(), c -> {
                Nf4Quantization.Quantized q = quantized(ctx.subject(), c);
                for (int k = 0; k < q.absmax().length; k++) {
                    equal("absmax[" + k + "] (max |x| over block " + k + ")", blockMax(c.x(), k, c.blockSize()), q.absmax()[k]);
                }
            })).enforces("absmaxValue").hint("One absmax per block of blockSize values, not one for the whole tensor: that is what makes NF4 blockwise."),

            Check.<Nf4Quantization>invariant("eachCodeIsTheNearestLevel", ctx -> ctx.forAll(cases(), c -> {
                Nf4Quantization.Quantized q = quantized(ctx.subject(), c);
                for (int i = 0; i < c.x().length; i++) {
                    int k = i, code = q.codes()[i];
                    double m = blockMax(c.x(), i / c.blockSize(), c.blockSize());
                    that(code >= 0 && code < 16, () -> "codes[" + k + "] = " + code + " is not a 4-bit code (0..15)");
                    if (m == 0) continue;
                    double v = c.x()[i] / m;
                    double d = Math.abs(v - Nf4Quantization.LEVELS[code]);
                    for (int j = 0; j < 16; j++) {
                        int jj = j;
                        that(Math.abs(v - Nf4Quantization.LEVELS[j]) >= d, () -> "codes[" + k + "] = " + code + " (level "
                                + Nf4Quantization.LEVELS[code] + ") but x / absmax = " + v + " is nearer to level " + jj + " ("
                                + Nf4Quantization.LEVELS[jj] + ")");
                    }
                }
            })).enforces("nearestLevel").hint("Normalise by the block's absmax, then pick the index of the nearest of the 16 levels (they are not evenly spaced)."),

            Check.<Nf4Quantization>example("anExactTieBetweenTwoLevelsTakesTheLowerIndex", ctx -> {
                // the levels are float32 values, so each midpoint and both its distances are exact in double
                for (int j = 0; j + 1 < 16; j++) {
                    int lower = j;
                    double mid = (Nf4Quantization.LEVELS[j] + Nf4Quantization.LEVELS[j + 1]) / 2;
                    double[] x = {1.0, mid};
                    ctx.example("x = [1.0, " + mid + "] (halfway between levels " + j + " and " + (j + 1) + "), blockSize = 2", () -> {
                        Nf4Quantization.Quantized q = ctx.subject().quantize(x, 2);
                        equal("codes[1] (an exact tie: the lower index)", lower, q.codes()[1]);
                    });
                }
            }).enforces("tieLowerIndex").hint("On an exact tie keep the level found first: replace the best index only when strictly nearer (<, not <=)."),

            Check.<Nf4Quantization>invariant("errorPerBlockIsAtMostAbsmaxTimesHalfTheWidestGap", ctx -> ctx.forAll(cases(), c -> {
                Nf4Quantization.Quantized q = quantized(ctx.subject(), c);
                double[] y = ctx.subject().dequantize(q.codes(), q.absmax(), c.blockSize());
                that(y.length == c.x().length, () -> "dequantized has " + y.length + " values, expected " + c.x().length);
                double half = widestGap() / 2;
                for (int i = 0; i < y.length; i++) {
                    int k = i;
                    double m = blockMax(c.x(), i / c.blockSize(), c.blockSize());
                    double err = Math.abs(c.x()[i] - y[i]);
                    that(err <= m * half * (1 + 1e-12), () -> "|x - dequantized| at [" + k + "] is " + err + " > absmax of its block ("
                            + m + ") times half the widest level gap (" + half + "): x = " + c.x()[k] + ", dequantized " + y[k]);
                }
            })).enforces("nearestLevel", "dequantizeValue")
                .hint("Each value lands on its nearest level, so the error is at most half a gap between levels, times the block's absmax."),

            Check.<Nf4Quantization>invariant("dequantizeIsLevelTimesBlockAbsmax", ctx -> ctx.forAll((Gen<Codes>) s -> {
                int bs = s.intBetween(1, 6);
                int n = s.intBetween(1, 16);
                int[] codes = new int[n];
                for (int i = 0; i < n; i++) codes[i] = s.intBetween(0, 15);
                double[] absmax = Gens.vector((n + bs - 1) / bs, Gens.doubles(0, 50)).generate(s);
                return new Codes(codes, absmax, bs);
            }, in -> {
                int[] codes = in.codes();
                double[] absmax = in.absmax();
                int bs = in.blockSize();
                double[] y = ctx.subject().dequantize(codes, absmax, bs);
                that(y.length == codes.length, () -> "dequantized has " + y.length + " values for " + codes.length + " codes");
                for (int i = 0; i < y.length; i++) {
                    close("dequantized[" + i + "] (LEVELS[codes[i]] * absmax[i / blockSize], blockSize " + bs + ")",
                            Nf4Quantization.LEVELS[codes[i]] * absmax[i / bs], y[i]);
                }
            })).enforces("dequantizeValue").hint(DEQUANTIZE_HINT),

            Check.<Nf4Quantization>invariant("requantizingGivesTheSameCodes", ctx -> ctx.forAll(cases(), c -> {
                Nf4Quantization.Quantized q = quantized(ctx.subject(), c);
                double[] y = ctx.subject().dequantize(q.codes(), q.absmax(), c.blockSize());
                Nf4Quantization.Quantized q2 = ctx.subject().quantize(y, c.blockSize());
                equal("codes of quantize(dequantize(quantize(x)))", q.codes(), q2.codes());
                equal("absmax of quantize(dequantize(quantize(x)))", q.absmax(), q2.absmax());
            })).enforces("nearestLevel", "absmaxValue", "dequantizeValue")
                .hint("A dequantized value sits exactly on a level times its block's absmax: quantising it again must give the same code."),

            Check.<Nf4Quantization>example("zeroBlockGivesAbsmaxZeroAndCodeSeven", ctx -> {
                for (int bs : new int[] {1, 4}) {
                    double[] x = {0, 0, 0, 0, 2.5, -1, 0, 0.5};
                    ctx.example("x = [0, 0, 0, 0, 2.5, -1, 0, 0.5], blockSize = " + bs, () -> {
                        Nf4Quantization.Quantized q = ctx.subject().quantize(x, bs);
                        for (int i = 0; i < x.length; i++) {
                            if (blockMax(x, i / bs, bs) != 0) continue;
                            equal("absmax[" + i / bs + "] of an all-zero block", 0.0, q.absmax()[i / bs]);
                            equal("codes[" + i + "] in an all-zero block (the level 0.0)", 7, q.codes()[i]);
                        }
                        double[] y = ctx.subject().dequantize(q.codes(), q.absmax(), bs);
                        for (int i = 0; i < x.length; i++) {
                            if (blockMax(x, i / bs, bs) == 0) equal("dequantized[" + i + "] in an all-zero block", 0.0, y[i]);
                        }
                    });
                }
            }).enforces("zeroBlock").hint("x / absmax is 0 / 0 = NaN for an all-zero block, and every comparison with NaN is false: handle absmax 0 first."),

            Check.<Nf4Quantization>golden("matchesBitsandbytesTable", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        int bs = g.input().integer("blockSize");
                        Nf4Quantization.Quantized q = ctx.subject().quantize(g.input().vec("x"), bs);
                        close("absmax", g.output().vec("absmax"), q.absmax());
                        equal("codes", g.output().ints("codes"), q.codes());
                        close("dequantized", g.output().vec("dequantized"), ctx.subject().dequantize(q.codes(), q.absmax(), bs));
                    });
                }
            }).enforces("absmaxValue", "nearestLevel", "dequantizeValue")
                .hint("These are bitsandbytes' values: compare the block absmax first, then the level each value lands on.")
        );
    }
}
