package katagym.activations;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
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

    static Gen<ElementwiseCase> cases(Gen<Double> values) {
        return ElementwiseCase.cases(values, upstreams());
    }

    /** Upstream gradients with 1 <= |g| <= 2: never 0, so a wrong mask always shows (shrinks to 1). */
    static Gen<Double> upstreams() {
        Gen<Double> magnitude = Gens.doubles(1, 2);
        return s -> s.choice(1) == 0 ? magnitude.generate(s) : -magnitude.generate(s);
    }

    /** Values with plenty of exact zeros (the kink), ordinary and extreme values. */
    static Gen<Double> withZeros() {
        Gen<Double> logits = Gens.logits();
        return s -> s.chance(0.2) ? 0.0 : logits.generate(s);
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
                        pure("forward(x)", () -> ctx.subject().forward(c.x()), c.x())))),

            Check.<Relu>oracle("backwardMatchesReference", ctx -> ctx.forAll(cases(withZeros()), c ->
                close("dx", ctx.oracle().backward(c.x(), c.upstream()),
                        pure("backward(x, upstream)", () -> ctx.subject().backward(c.x(), c.upstream()), c.x(), c.upstream())))),

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
            })).hint("PyTorch takes the derivative at exactly 0 as 0: pass the upstream gradient only where x > 0 (strictly)."),

            Check.<Relu>gradcheck("backwardAgreesWithCentralDifferences", ctx -> ctx.forAll(cases(Gens.doubles(-5, 5)).filter(ReluSpec::awayFromKink), c ->
                GradCheck.check("dx", c.x(), x -> Tensors.dot(c.upstream(), ctx.subject().forward(x)),
                        ctx.subject().backward(c.x(), c.upstream())))),

            Check.<Relu>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        close("y", g.output().vec("y"), ctx.subject().forward(g.input().vec("x")));
                        close("dx", g.output().vec("dx"), ctx.subject().backward(g.input().vec("x"), g.input().vec("upstream")));
                    });
                }
            })
        );
    }
}
