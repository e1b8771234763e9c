package katagym.peft;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;

import java.util.List;
import katagym.grader.check.GradCheck;
import katagym.grader.check.Tensors;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class LoraLinearSpec implements KataSpec<LoraLinear> {

    /** A batch x[n][in], the frozen layer (w0[out][in], bias[out]), the adapter a[r][in], b[out][r], alpha and dL/dy. */
    record Case(double[][] x, double[][] w0, double[] bias, double[][] a, double[][] b, double alpha, double[][] upstream) {
        int in() { return w0[0].length; }
        int out() { return w0.length; }
        int r() { return a.length; }
    }

    static Gen<Case> cases() {
        Gen<Double> v = Gens.doubles(-2, 2);
        return s -> {
            int in = s.intBetween(1, 5), out = s.intBetween(1, 5), r = s.intBetween(1, 3), n = s.intBetween(1, 4);
            double alpha = s.chance(0.5) ? Gens.oneOf(1.0, 8.0, 16.0).generate(s) : Gens.doubles(0.5, 16).generate(s);
            double[][] x = Gens.matrix(n, in, v).generate(s);
            double[][] w0 = Gens.matrix(out, in, v).generate(s);
            double[] bias = Gens.vector(out, v).generate(s);
            double[][] a = Gens.matrix(r, in, v).generate(s);
            double[][] b = Gens.matrix(out, r, v).generate(s);
            double[][] up = Gens.matrix(n, out, v).generate(s);
            return new Case(x, w0, bias, a, b, alpha, up);
        };
    }

    /** Cases with a rank of at least 2 and alpha != r, where alpha and alpha / r differ. */
    static Gen<Case> scaledCases() {
        return cases().filter(c -> c.r() >= 2 && c.alpha() != c.r());
    }

    static double[][] zeros(int rows, int cols) { return new double[rows][cols]; }

    /** {@code [a; a]}: the same adapter rows twice. */
    static double[][] stackRows(double[][] a) {
        double[][] out = new double[2 * a.length][];
        for (int i = 0; i < a.length; i++) { out[i] = a[i].clone(); out[i + a.length] = a[i].clone(); }
        return out;
    }

    /** {@code [b, b]}: the same adapter columns twice. */
    static double[][] stackCols(double[][] b) {
        double[][] out = new double[b.length][];
        for (int i = 0; i < b.length; i++) {
            int r = b[i].length;
            out[i] = new double[2 * r];
            System.arraycopy(b[i], 0, out[i], 0, r);
            System.arraycopy(b[i], 0, out[i], r, r);
        }
        return out;
    }

    static final Tolerance LOOSE = Tolerance.of(1e-9, 1e-10);

    private static final String FORWARD_HINT = "y = x w0^T + bias + (alpha / r) (x a^T) b^T: the adapter path goes through the rank-r bottleneck.";
    private static final String MERGE_HINT = "merge adds (alpha / r) b a to w0 ([out][r] times [r][in]); unmerge subtracts the same, into a new array.";
    private static final String BACKWARD_HINT = "With h = x a^T: dB = (alpha / r) upstream^T h and dA = (alpha / r) (upstream b)^T x.";

    @Override
    public Class<LoraLinear> contract() { return LoraLinear.class; }

    @Override
    public List<Check<LoraLinear>> checks() {
        return List.of(
            Check.<LoraLinear>oracle("forwardMatchesReference", ctx -> ctx.forAll(cases(), c ->
                close("y", ctx.oracle().forward(c.x(), c.w0(), c.bias(), c.a(), c.b(), c.alpha()),
                        pure("forward(x, w0, bias, a, b, alpha)", () -> ctx.subject().forward(c.x(), c.w0(), c.bias(), c.a(), c.b(), c.alpha()),
                                c.x(), c.w0(), c.bias(), c.a(), c.b()))))
                .enforces("forwardValue", "pure").hint(FORWARD_HINT),

            Check.<LoraLinear>invariant("resultsAreNewArraysEachCall", ctx -> ctx.forAll(cases(), c -> {
                LoraLinear l = ctx.subject();
                fresh("forward(x, w0, bias, a, b, alpha)", () -> l.forward(c.x(), c.w0(), c.bias(), c.a(), c.b(), c.alpha()),
                        c.x(), c.w0(), c.bias(), c.a(), c.b());
                fresh("merge(w0, a, b, alpha)", () -> l.merge(c.w0(), c.a(), c.b(), c.alpha()), c.w0(), c.a(), c.b());
                double[][] zeroB = zeros(c.out(), c.r());
                fresh("merge(w0, a, b = 0, alpha)", () -> l.merge(c.w0(), c.a(), zeroB, c.alpha()), c.w0(), c.a(), zeroB);
                fresh("unmerge(w0, a, b, alpha)", () -> l.unmerge(c.w0(), c.a(), c.b(), c.alpha()), c.w0(), c.a(), c.b());
                fresh("unmerge(w0, a, b = 0, alpha)", () -> l.unmerge(c.w0(), c.a(), zeroB, c.alpha()), c.w0(), c.a(), zeroB);
                fresh("backward(x, a, b, alpha, upstream)", () -> {
                    LoraLinear.Grads g = l.backward(c.x(), c.a(), c.b(), c.alpha(), c.upstream());
                    return new Object[] {g.dA(), g.dB()};
                }, c.x(), c.a(), c.b(), c.upstream());
            })).enforces("newArrays")
                .hint("Allocate every result inside the call, even when b = 0 makes the merged weight equal to w0: the caller may write into it."),

            Check.<LoraLinear>example("trainableParametersAreExactForHugeLayers", ctx -> {
                LoraLinear l = ctx.subject();
                ctx.example("in = out = 65536, r = 32768", () ->
                    equal("trainableParameters (2^32, beyond Integer.MAX_VALUE)", 4_294_967_296L, l.trainableParameters(65536, 65536, 32768)));
                ctx.example("in = 12288, out = 49152, r = 65536", () ->
                    equal("trainableParameters", 65536L * (12288 + 49152), l.trainableParameters(12288, 49152, 65536)));
                ctx.example("in = out = r = 1", () -> equal("trainableParameters", 2L, l.trainableParameters(1, 1, 1)));
            }).enforces("trainableValue")
                .hint("Multiply in long: (long) r * (in + out); r * (in + out) in int wraps around past 2^31 - 1 before it is widened."),

            Check.<LoraLinear>oracle("mergeAndUnmergeMatchReference", ctx -> ctx.forAll(cases(), c -> {
                double[][] merged = ctx.oracle().merge(c.w0(), c.a(), c.b(), c.alpha());
                close("merge", merged, pure("merge(w0, a, b, alpha)", () -> ctx.subject().merge(c.w0(), c.a(), c.b(), c.alpha()), c.w0(), c.a(), c.b()));
                close("unmerge(merged)", ctx.oracle().unmerge(merged, c.a(), c.b(), c.alpha()),
                        pure("unmerge(merged, a, b, alpha)", () -> ctx.subject().unmerge(merged, c.a(), c.b(), c.alpha()), merged, c.a(), c.b()));
            })).enforces("mergeValue", "unmergeValue", "pure").hint(MERGE_HINT),

            Check.<LoraLinear>oracle("backwardMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                LoraLinear.Grads e = ctx.oracle().backward(c.x(), c.a(), c.b(), c.alpha(), c.upstream());
                LoraLinear.Grads g = pure("backward(x, a, b, alpha, upstream)",
                        () -> ctx.subject().backward(c.x(), c.a(), c.b(), c.alpha(), c.upstream()), c.x(), c.a(), c.b(), c.upstream());
                close("dA", e.dA(), g.dA());
                close("dB", e.dB(), g.dB());
                equal("trainableParameters(in, out, r)", ctx.oracle().trainableParameters(c.in(), c.out(), c.r()),
                        ctx.subject().trainableParameters(c.in(), c.out(), c.r()));
            })).enforces("backwardValue", "trainableValue", "pure").hint(BACKWARD_HINT),

            Check.<LoraLinear>invariant("zeroBGivesTheBaseLayer", ctx -> ctx.forAll(cases(), c -> {
                double[][] y = ctx.subject().forward(c.x(), c.w0(), c.bias(), c.a(), zeros(c.out(), c.r()), c.alpha());
                shape("y", y, c.x().length, c.out());
                for (int i = 0; i < c.x().length; i++) {
                    for (int o = 0; o < c.out(); o++) {
                        double base = c.bias()[o];
                        for (int j = 0; j < c.in(); j++) base += c.x()[i][j] * c.w0()[o][j];
                        close("y[" + i + "][" + o + "] with b = 0 (x w0^T + bias)", base, y[i][o]);
                    }
                }
            })).enforces("forwardValue").hint("LoRA initialises b to zero so that training starts from the pretrained layer: y = x w0^T + bias exactly."),

            Check.<LoraLinear>invariant("mergeThenUnmergeRestoresW0", ctx -> ctx.forAll(cases(), c -> {
                double[][] merged = ctx.subject().merge(c.w0(), c.a(), c.b(), c.alpha());
                shape("merged", merged, c.out(), c.in());
                close("unmerge(merge(w0))", c.w0(), ctx.subject().unmerge(merged, c.a(), c.b(), c.alpha()), Tolerance.of(0, 1e-12));
            })).enforces("mergeValue", "unmergeValue").hint("unmerge must subtract exactly what merge added: (alpha / r) b a, scale included."),

            Check.<LoraLinear>invariant("mergedForwardEqualsUnmergedForward", ctx -> ctx.forAll(cases(), c -> {
                double[][] merged = ctx.subject().merge(c.w0(), c.a(), c.b(), c.alpha());
                double[][] viaMerged = ctx.subject().forward(c.x(), merged, c.bias(), c.a(), zeros(c.out(), c.r()), c.alpha());
                close("forward with the merged weight (and b = 0)", ctx.subject().forward(c.x(), c.w0(), c.bias(), c.a(), c.b(), c.alpha()),
                        viaMerged, LOOSE);
            })).enforces("forwardValue", "mergeValue").hint("x merge(w0)^T must equal x w0^T + (alpha / r) x a^T b^T: merge and forward must use the same scale."),

            Check.<LoraLinear>invariant("repeatingTheAdapterAtDoubleRankChangesNothing", ctx -> ctx.forAll(scaledCases(), c -> {
                double[][] a2 = stackRows(c.a()), b2 = stackCols(c.b());
                close("forward with a' = [a; a], b' = [b, b] (rank 2r, same alpha)",
                        ctx.subject().forward(c.x(), c.w0(), c.bias(), c.a(), c.b(), c.alpha()),
                        ctx.subject().forward(c.x(), c.w0(), c.bias(), a2, b2, c.alpha()), LOOSE);
                close("merge with a' = [a; a], b' = [b, b] (rank 2r, same alpha)",
                        ctx.subject().merge(c.w0(), c.a(), c.b(), c.alpha()),
                        ctx.subject().merge(c.w0(), a2, b2, c.alpha()), LOOSE);
            })).enforces("forwardValue", "mergeValue").hint("b' a' = 2 b a at rank 2r, and the scale alpha / (2r) halves it back: the scale is alpha / r, not alpha."),

            Check.<LoraLinear>invariant("trainableParametersAreTheEntriesOfAAndB", ctx -> ctx.forAll(cases(), c -> {
                LoraLinear.Grads g = ctx.subject().backward(c.x(), c.a(), c.b(), c.alpha(), c.upstream());
                shape("dA", g.dA(), c.r(), c.in());
                shape("dB", g.dB(), c.out(), c.r());
                equal("trainableParameters(" + c.in() + ", " + c.out() + ", " + c.r() + ") (entries of a and b)",
                        (long) c.r() * c.in() + (long) c.out() * c.r(), ctx.subject().trainableParameters(c.in(), c.out(), c.r()));
            })).enforces("backwardValue", "trainableValue")
                .hint("dA has a's shape [r][in] and dB has b's shape [out][r]; the trainable parameters are exactly their entries."),

            Check.<LoraLinear>gradcheck("dAAndDBAgreeWithCentralDifferences", ctx -> ctx.forAll(20, cases(), c -> {
                LoraLinear.Grads g = ctx.subject().backward(c.x(), c.a(), c.b(), c.alpha(), c.upstream());
                GradCheck.check("dA", Tensors.flat(c.a()), fa -> Tensors.dot(c.upstream(),
                        ctx.subject().forward(c.x(), c.w0(), c.bias(), Tensors.matrix(fa, c.r(), c.in()), c.b(), c.alpha())), Tensors.flat(g.dA()));
                GradCheck.check("dB", Tensors.flat(c.b()), fb -> Tensors.dot(c.upstream(),
                        ctx.subject().forward(c.x(), c.w0(), c.bias(), c.a(), Tensors.matrix(fb, c.out(), c.r()), c.alpha())), Tensors.flat(g.dB()));
            })).enforces("backwardValue").hint("With h = x a^T: dB = (alpha / r) upstream^T h and dA = (alpha / r) (upstream b)^T x."),

            Check.<LoraLinear>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[][] x = g.input().mat("x"), w0 = g.input().mat("w0"), a = g.input().mat("a"), b = g.input().mat("b");
                        double alpha = g.input().num("alpha");
                        double[] bias = new double[w0.length];
                        close("y", g.output().mat("y"), ctx.subject().forward(x, w0, bias, a, b, alpha));
                        double[][] merged = ctx.subject().merge(w0, a, b, alpha);
                        close("merged", g.output().mat("merged"), merged);
                        close("unmerge(merged)", w0, ctx.subject().unmerge(merged, a, b, alpha), Tolerance.of(1e-9, 1e-12));
                        LoraLinear.Grads grads = ctx.subject().backward(x, a, b, alpha, g.input().mat("upstream"));
                        close("da", g.output().mat("da"), grads.dA());
                        close("db", g.output().mat("db"), grads.dB());
                        equal("trainableParams", g.output().longValue("trainableParams"),
                                ctx.subject().trainableParameters(x[0].length, w0.length, a.length));
                    });
                }
            }).enforces("forwardValue", "mergeValue", "unmergeValue", "backwardValue", "trainableValue")
                .hint("These are PyTorch's values (peft's LoRA layer): compare each output on the case shown, the scale alpha / r first.")
        );
    }
}
