package katagym.activations;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.GradCheck;
import katagym.grader.check.Tensors;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class GeluSpec implements KataSpec<Gelu> {

    /** The largest |exact - tanh approximation| of the outputs over the reals is about 4.73e-4 (near x = 2.70). */
    static final double FORWARD_GAP = 5e-4;
    /** The largest |exact - tanh approximation| of the derivatives is about 8.68e-4 (near x = 2.02). */
    static final double DERIVATIVE_GAP = 1e-3;


    /** Mostly the range where GELU bends (|x| <= 6), sometimes extreme values. */
    static Gen<Double> values() {
        Gen<Double> bend = Gens.doubles(-6, 6);
        Gen<Double> logits = Gens.logits();
        return s -> s.chance(0.8) ? bend.generate(s) : logits.generate(s);
    }

    static double[] negated(double[] x) { return ElementwiseChecks.negated(x); }

    private static final String EXACT_HINT = "Exact form: y = 0.5 x (1 + Gelu.erf(x / sqrt 2)), with the 1/sqrt 2 inside erf.";
    private static final String EXACT_BACKWARD_HINT = "Product rule on x Phi(x): Phi(x) + x phi(x), with phi(x) = exp(-x^2/2) / sqrt(2 pi), times upstream.";
    private static final String TANH_HINT = "Tanh form: 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))); use Math.tanh, which never overflows.";
    private static final String TANH_BACKWARD_HINT = "With u = sqrt(2/pi) (x + 0.044715 x^3): 0.5 (1 + tanh u) + 0.5 x (1 - tanh^2 u) sqrt(2/pi) (1 + 3 * 0.044715 x^2).";

    /** gelu(x) - gelu(-x) = x (Phi(x) + Phi(-x)) = x, for both forms: tanh(-u) = -tanh(u) does the same job. */
    static void oddPartIsX(String form, double[] x, double[] y, double[] yNeg) {
        finite(form + "(x)", y);
        finite(form + "(-x)", yNeg);
        for (int i = 0; i < x.length; i++) {
            close(form + "(x)[" + i + "] - " + form + "(-x)[" + i + "] (must equal x = " + x[i] + ")", x[i], y[i] - yNeg[i],
                    Tolerance.of(1e-9, 1e-12 + 1e-15 * Math.abs(x[i])));
        }
    }

    static void golden(Golden golden, String form, java.util.function.Function<double[], double[]> fwd,
                       java.util.function.BiFunction<double[], double[], double[]> bwd, katagym.grader.spec.CheckContext<Gelu> ctx) {
        for (Golden.Case g : golden.cases()) {
            ctx.example(form + " " + g.describe(), () -> {
                close(form + " y", g.output().vec("y"), fwd.apply(g.input().vec("x")));
                close(form + " dx", g.output().vec("dx"), bwd.apply(g.input().vec("x"), g.input().vec("upstream")));
            });
        }
    }

    @Override
    public Class<Gelu> contract() { return Gelu.class; }

    @Override
    public List<Check<Gelu>> checks() {
        return List.of(
            Check.<Gelu>oracle("forwardMatchesReference", ctx -> ctx.forAll(ElementwiseCase.cases(values()), c -> {
                close("gelu(x)", ctx.oracle().forward(c.x()),
                        pure("forward(x)", () -> ctx.subject().forward(c.x()), c.x()));
                close("gelu_tanh(x)", ctx.oracle().forwardTanh(c.x()),
                        pure("forwardTanh(x)", () -> ctx.subject().forwardTanh(c.x()), c.x()));
            })).enforces("forwardValue", "forwardTanhValue", "newArray").hint(EXACT_HINT + " " + TANH_HINT),

            Check.<Gelu>oracle("backwardMatchesReference", ctx -> ctx.forAll(ElementwiseCase.cases(values()), c -> {
                close("dx", ctx.oracle().backward(c.x(), c.upstream()),
                        pure("backward(x, upstream)", () -> ctx.subject().backward(c.x(), c.upstream()), c.x(), c.upstream()));
                close("dx (tanh form)", ctx.oracle().backwardTanh(c.x(), c.upstream()),
                        pure("backwardTanh(x, upstream)", () -> ctx.subject().backwardTanh(c.x(), c.upstream()), c.x(), c.upstream()));
            })).enforces("backwardValue", "backwardTanhValue", "newArray").hint(EXACT_BACKWARD_HINT + " " + TANH_BACKWARD_HINT),

            Check.<Gelu>example("handWorkedValues", ctx -> {
                double[] x = {-3.0, -1.0, 0.0, 0.5, 1.0, 2.0}, ones = {1, 1, 1, 1, 1, 1};
                ctx.example("exact forward of x = [-3, -1, 0, 0.5, 1, 2]", () -> close("gelu(x)", new double[] {
                        -0.00404969409489031, -0.15865525393145696, 0, 0.34573123063700656, 0.841344746068543, 1.9544997361036416},
                        ctx.subject().forward(x)));
                ctx.example("exact backward of x = [-3, -1, 0, 0.5, 1, 2], upstream = 1", () -> close("dx", new double[] {
                        -0.01194564720418392, -0.0833154705876864, 0.5, 0.8674951246561629, 1.0833154705876864, 1.085231801078197},
                        ctx.subject().backward(x, ones)));
                ctx.example("tanh-form forward of x = [-3, -1, 0, 0.5, 1, 2]", () -> close("gelu_tanh(x)", new double[] {
                        -0.0036373920817729943, -0.15880800939172324, 0, 0.34571400982514394, 0.8411919906082768, 1.954597694087775},
                        ctx.subject().forwardTanh(x)));
                ctx.example("tanh-form backward of x = [-3, -1, 0, 0.5, 1, 2], upstream = 1", () -> close("dx", new double[] {
                        -0.011584166630969516, -0.08296408384578252, 0.5, 0.8673699035346424, 1.0829640838457826, 1.0860992566236183},
                        ctx.subject().backwardTanh(x, ones)));
                double[] far = {-1000.0, -30.0, 30.0, 1000.0}, up = {2.0, 2.0, 2.0, 2.0};
                ctx.example("x = [-1000, -30, 30, 1000], upstream = 2 (both forms)", () -> {
                    close("gelu(x)", new double[] {0, 0, 30, 1000}, ctx.subject().forward(far));
                    close("gelu_tanh(x)", new double[] {0, 0, 30, 1000}, ctx.subject().forwardTanh(far));
                    close("dx", new double[] {0, 0, 2, 2}, ctx.subject().backward(far, up));
                    close("dx (tanh form)", new double[] {0, 0, 2, 2}, ctx.subject().backwardTanh(far, up));
                });
                ctx.example("x = [] (empty)", () -> {
                    ElementwiseChecks.emptyGivesEmpty(ctx.subject(), Gelu::forward, Gelu::backward);
                    ElementwiseChecks.emptyGivesEmpty(ctx.subject(), Gelu::forwardTanh, Gelu::backwardTanh);
                });
            }).enforces("forwardValue", "backwardValue", "forwardTanhValue", "backwardTanhValue", "finite", "emptyInput")
                .hint("GELU(0) = 0 with slope 1/2; far right it is x with slope 1, far left 0 with slope 0, in both forms; an empty vector is valid."),

            ElementwiseChecks.<Gelu>resultsAreNewArrays(ElementwiseCase.cases(Gens.doubles()),
                    List.of(Gelu::forward, Gelu::forwardTanh), List.of(Gelu::backward, Gelu::backwardTanh)),

            Check.<Gelu>stability("finiteForAnyFiniteInput", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.logits()), c -> {
                finite("gelu(x)", ctx.subject().forward(c.x()));
                finite("gelu_tanh(x)", ctx.subject().forwardTanh(c.x()));
                finite("dx", ctx.subject().backward(c.x(), c.upstream()));
                finite("dx (tanh form)", ctx.subject().backwardTanh(c.x(), c.upstream()));
            })).enforces("finite")
                .hint("u grows like x^3: e^u overflows from |x| of about 21, so a tanh written as a ratio of exponentials gives NaN. Use Math.tanh."),

            Check.<Gelu>invariant("geluOfXMinusGeluOfMinusXIsX", ctx -> ctx.forAll(ElementwiseCase.cases(values()), c -> {
                oddPartIsX("gelu", c.x(), ctx.subject().forward(c.x()), ctx.subject().forward(negated(c.x())));
                oddPartIsX("gelu_tanh", c.x(), ctx.subject().forwardTanh(c.x()), ctx.subject().forwardTanh(negated(c.x())));
            })).enforces("forwardValue", "forwardTanhValue", "finite")
                .hint("Phi(x) + Phi(-x) = 1, so x Phi(x) - (-x) Phi(-x) = x. Check the 1 + erf(...) and 1 + tanh(...) parts."),

            Check.<Gelu>invariant("tanhApproximationStaysWithin5e-4OfTheExactForm", ctx -> ctx.forAll(ElementwiseCase.cases(values()), c -> {
                double[] exact = ctx.subject().forward(c.x());
                double[] approx = ctx.subject().forwardTanh(c.x());
                double[] dExact = ctx.subject().backward(c.x(), c.upstream());
                double[] dApprox = ctx.subject().backwardTanh(c.x(), c.upstream());
                that(exact.length == c.x().length && approx.length == c.x().length, "one output per input");
                for (int i = 0; i < c.x().length; i++) {
                    int k = i;
                    double x = c.x()[k], up = c.upstream()[k];
                    that(Math.abs(exact[k] - approx[k]) <= FORWARD_GAP,
                            () -> "at x = " + x + " the exact GELU gives " + exact[k] + " and the tanh approximation " + approx[k]
                                    + ": they never differ by more than " + FORWARD_GAP + " (is a constant wrong? sqrt(2/pi), 0.044715, 1/sqrt 2)");
                    that(Math.abs(dExact[k] - dApprox[k]) <= DERIVATIVE_GAP * Math.abs(up) + 1e-12,
                            () -> "at x = " + x + ", upstream = " + up + " the exact backward gives " + dExact[k] + " and the tanh one "
                                    + dApprox[k] + ": the derivatives never differ by more than " + DERIVATIVE_GAP + " * |upstream|");
                }
            })).enforces("forwardValue", "forwardTanhValue", "backwardValue", "backwardTanhValue")
                .hint("The two forms agree to about 5e-4. The tanh form uses sqrt(2/pi) = 0.7978845608 and 0.044715; the exact one erf(x / sqrt 2)."),

            Check.<Gelu>gradcheck("backwardAgreesWithCentralDifferences", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.doubles(-6, 6)), c ->
                GradCheck.check("dx", c.x(), x -> Tensors.dot(c.upstream(), ctx.subject().forward(x)),
                        ctx.subject().backward(c.x(), c.upstream()))))
                .enforces("backwardValue").hint(EXACT_BACKWARD_HINT),

            Check.<Gelu>gradcheck("backwardTanhAgreesWithCentralDifferences", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.doubles(-6, 6)), c ->
                GradCheck.check("dx (tanh form)", c.x(), x -> Tensors.dot(c.upstream(), ctx.subject().forwardTanh(x)),
                        ctx.subject().backwardTanh(c.x(), c.upstream()))))
                .enforces("backwardTanhValue").hint(TANH_BACKWARD_HINT),

            Check.<Gelu>golden("exactFormMatchesPyTorch", ctx ->
                golden(ctx.golden(), "exact", x -> ctx.subject().forward(x), (x, up) -> ctx.subject().backward(x, up), ctx))
                .enforces("forwardValue", "backwardValue")
                .hint("These are torch's gelu(approximate='none') values and gradients: " + EXACT_HINT),

            Check.<Gelu>golden("tanhFormMatchesPyTorch", ctx ->
                golden(Golden.load("gelu-tanh"), "tanh", x -> ctx.subject().forwardTanh(x), (x, up) -> ctx.subject().backwardTanh(x, up), ctx))
                .enforces("forwardTanhValue", "backwardTanhValue")
                .hint("These are torch's gelu(approximate='tanh') values and gradients: " + TANH_HINT)
        );
    }
}
