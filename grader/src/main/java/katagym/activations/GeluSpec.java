package katagym.activations;

import static katagym.grader.check.Checks.close;
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

    static double[] negated(double[] x) {
        double[] n = new double[x.length];
        for (int i = 0; i < n.length; i++) n[i] = -x[i];
        return n;
    }

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
            })),

            Check.<Gelu>oracle("backwardMatchesReference", ctx -> ctx.forAll(ElementwiseCase.cases(values()), c -> {
                close("dx", ctx.oracle().backward(c.x(), c.upstream()),
                        pure("backward(x, upstream)", () -> ctx.subject().backward(c.x(), c.upstream()), c.x(), c.upstream()));
                close("dx (tanh form)", ctx.oracle().backwardTanh(c.x(), c.upstream()),
                        pure("backwardTanh(x, upstream)", () -> ctx.subject().backwardTanh(c.x(), c.upstream()), c.x(), c.upstream()));
            })),

            Check.<Gelu>invariant("geluOfXMinusGeluOfMinusXIsX", ctx -> ctx.forAll(ElementwiseCase.cases(values()), c -> {
                oddPartIsX("gelu", c.x(), ctx.subject().forward(c.x()), ctx.subject().forward(negated(c.x())));
                oddPartIsX("gelu_tanh", c.x(), ctx.subject().forwardTanh(c.x()), ctx.subject().forwardTanh(negated(c.x())));
            })).hint("Phi(x) + Phi(-x) = 1, so x Phi(x) - (-x) Phi(-x) = x. Check the 1 + erf(...) and 1 + tanh(...) parts."),

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
            })).hint("The two forms agree to about 5e-4. The tanh form uses sqrt(2/pi) = 0.7978845608 and 0.044715; the exact one erf(x / sqrt 2)."),

            Check.<Gelu>gradcheck("backwardAgreesWithCentralDifferences", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.doubles(-6, 6)), c ->
                GradCheck.check("dx", c.x(), x -> Tensors.dot(c.upstream(), ctx.subject().forward(x)),
                        ctx.subject().backward(c.x(), c.upstream()))))
                .hint("Product rule on x Phi(x): Phi(x) + x phi(x), with phi(x) = exp(-x^2/2) / sqrt(2 pi)."),

            Check.<Gelu>gradcheck("backwardTanhAgreesWithCentralDifferences", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.doubles(-6, 6)), c ->
                GradCheck.check("dx (tanh form)", c.x(), x -> Tensors.dot(c.upstream(), ctx.subject().forwardTanh(x)),
                        ctx.subject().backwardTanh(c.x(), c.upstream()))))
                .hint("With u = sqrt(2/pi) (x + 0.044715 x^3): 0.5 (1 + tanh u) + 0.5 x (1 - tanh^2 u) du/dx."),

            Check.<Gelu>golden("exactFormMatchesPyTorch", ctx ->
                golden(ctx.golden(), "exact", x -> ctx.subject().forward(x), (x, up) -> ctx.subject().backward(x, up), ctx)),

            Check.<Gelu>golden("tanhFormMatchesPyTorch", ctx ->
                golden(Golden.load("gelu-tanh"), "tanh", x -> ctx.subject().forwardTanh(x), (x, up) -> ctx.subject().backwardTanh(x, up), ctx))
        );
    }
}
