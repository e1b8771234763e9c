package katagym.activations;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.GradCheck;
import katagym.grader.check.Tensors;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class ReluSpec implements KataSpec<Relu> {
    private static final String FORWARD_HINT = "relu(x) = max(0, x): positive entries pass unchanged, the rest become 0.";
    private static final String BACKWARD_HINT = "Pass upstream[i] where x[i] > 0 and 0 elsewhere: the local derivative is a 0/1 mask times the upstream gradient.";

    static Gen<ElementwiseCase> cases(Gen<Double> values) {
        return ElementwiseCase.cases(values, upstreams());
    }

    /** Upstream gradients that are never 0, so a wrong mask always shows. */
    static Gen<Double> upstreams() { return ElementwiseChecks.nonZeroUpstreams(); }

    /** Values with plenty of exact zeros of both signs (the kink), ordinary and extreme values. */
    static Gen<Double> withZeros() { return ElementwiseChecks.withZeros(0.2); }

    /** Half the time every entry is positive (nothing to clamp: the case a "fast path" gets wrong). */
    static Gen<ElementwiseCase> sometimesAllPositive() {
        Gen<ElementwiseCase> positive = cases(Gens.doubles(0.5, 10)), any = cases(Gens.doubles());
        return s -> s.chance(0.5) ? positive.generate(s) : any.generate(s);
    }

    /** Stays 1e-3 away from the kink at 0, where central differences are meaningless. */
    static boolean awayFromKink(ElementwiseCase c) {
        for (double v : c.x()) if (Math.abs(v) < 1e-3) return false;
        return true;
    }

    @Override
    public Class<Relu> contract() { return Relu.class; }

    @Override
    public List<Check<Relu>> checks() {
        return List.of(
            Check.<Relu>oracle("forwardMatchesReference", ctx -> ctx.forAll(cases(withZeros()), c ->
                close("relu(x)", ctx.oracle().forward(c.x()),
                        pure("forward(x)", () -> ctx.subject().forward(c.x()), c.x()))))
                .enforces("forwardValue", "newArray").hint(FORWARD_HINT),

            Check.<Relu>oracle("backwardMatchesReference", ctx -> ctx.forAll(cases(withZeros()), c ->
                close("dx", ctx.oracle().backward(c.x(), c.upstream()),
                        pure("backward(x, upstream)", () -> ctx.subject().backward(c.x(), c.upstream()), c.x(), c.upstream()))))
                .enforces("backwardValue", "gradientAtZero", "newArray").hint(BACKWARD_HINT),

            Check.<Relu>example("handWorkedValues", ctx -> {
                ctx.example("x = [-1.5, 0.0, -0.0, 2.5]", () -> equal("relu(x)", new double[] {0.0, 0.0, 0.0, 2.5},
                        ctx.subject().forward(new double[] {-1.5, 0.0, -0.0, 2.5})));
                ctx.example("x = [-1.5, 0.0, -0.0, 2.5], upstream = [1.0, 2.0, 3.0, 4.0]", () -> equal("dx (0 at x = 0)",
                        new double[] {0.0, 0.0, 0.0, 4.0}, ctx.subject().backward(new double[] {-1.5, 0.0, -0.0, 2.5}, new double[] {1.0, 2.0, 3.0, 4.0})));
                ctx.example("x = [1.0, 2.0] (nothing to clamp), upstream = [5.0, 6.0]", () -> {
                    double[] x = {1.0, 2.0}, up = {5.0, 6.0};
                    fresh("forward(x)", () -> ctx.subject().forward(x), x);
                    fresh("backward(x, upstream)", () -> ctx.subject().backward(x, up), x, up);
                });
                ctx.example("x = [] (empty)", () -> ElementwiseChecks.emptyGivesEmpty(ctx.subject(), Relu::forward, Relu::backward));
            }).enforces("forwardValue", "backwardValue", "gradientAtZero", "newArray", "emptyInput")
                .hint("relu(0) = 0 and its derivative there is 0; an all-positive x still needs a new array; an empty vector is a valid input."),

            ElementwiseChecks.<Relu>resultsAreNewArrays(sometimesAllPositive(), Relu::forward, Relu::backward),

            Check.<Relu>invariant("passesPositivesBlocksTheRestAndGradientIsZeroAtZero", ctx -> ctx.forAll(cases(withZeros()), c -> {
                double[] y = pure("forward(x)", () -> ctx.subject().forward(c.x()), c.x());
                double[] dx = pure("backward(x, upstream)", () -> ctx.subject().backward(c.x(), c.upstream()), c.x(), c.upstream());
                that(y.length == c.x().length && dx.length == c.x().length,
                        () -> "forward gave " + y.length + " and backward " + dx.length + " entries for " + c.x().length + " inputs");
                for (int i = 0; i < y.length; i++) {
                    double x = c.x()[i];
                    equal("relu(x)[" + i + "] for x = " + x, x > 0 ? x : 0.0, y[i] == 0 ? 0.0 : y[i]);
                    equal("dx[" + i + "] for x = " + x + ", upstream = " + c.upstream()[i],
                            x > 0 ? c.upstream()[i] : 0.0, dx[i] == 0 ? 0.0 : dx[i]);
                }
            })).enforces("forwardValue", "backwardValue", "gradientAtZero")
                .hint("PyTorch takes the derivative at exactly 0 as 0: pass the upstream gradient only where x > 0 (strictly)."),

            Check.<Relu>gradcheck("backwardAgreesWithCentralDifferences", ctx -> ctx.forAll(cases(Gens.doubles(-5, 5)).filter(ReluSpec::awayFromKink), c ->
                GradCheck.check("dx", c.x(), x -> Tensors.dot(c.upstream(), ctx.subject().forward(x)),
                        ctx.subject().backward(c.x(), c.upstream()))))
                .enforces("backwardValue").hint(BACKWARD_HINT),

            Check.<Relu>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        close("y", g.output().vec("y"), ctx.subject().forward(g.input().vec("x")));
                        close("dx", g.output().vec("dx"), ctx.subject().backward(g.input().vec("x"), g.input().vec("upstream")));
                    });
                }
            }).enforces("forwardValue", "backwardValue")
                .hint("These are torch.relu's values and gradients: compare your mask with x > 0 on the case shown.")
        );
    }
}
