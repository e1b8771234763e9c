package katagym.activations;

import static katagym.grader.check.Checks.close;
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

public final class LeakyReluSpec implements KataSpec<LeakyRelu> {

    /** An input vector, the gradient flowing back into the output, and the negative slope. */
    record Case(double[] x, double[] upstream, double slope) {}

    /** Slopes a model would use: PyTorch's default 0.01, the common 0.1 and 0.2, or anything in [0, 1). */
    static Gen<Double> slopes() {
        Gen<Double> any = Gens.doubles(0, 0.99);
        Gen<Double> usual = Gens.oneOf(0.01, 0.1, 0.2, 0.3);
        return s -> s.chance(0.5) ? any.generate(s) : usual.generate(s);
    }

    static Gen<Case> cases(Gen<Double> values) {
        Gen<Double> slopes = slopes();
        return s -> {
            double[] x = Gens.vectors(1, 8, values).generate(s);
            double[] up = Gens.vector(x.length, upstreams()).generate(s);
            return new Case(x, up, slopes.generate(s));
        };
    }

    /** Upstream gradients with 1 <= |g| <= 2: never 0, so a wrong mask always shows (shrinks to 1). */
    static Gen<Double> upstreams() {
        Gen<Double> magnitude = Gens.doubles(1, 2);
        return s -> s.choice(1) == 0 ? magnitude.generate(s) : -magnitude.generate(s);
    }

    /** Values with plenty of exact zeros (the kink), ordinary and extreme values. */
    static Gen<Double> withZeros() {
        Gen<Double> logits = Gens.logits();
        return s -> s.chance(0.15) ? 0.0 : logits.generate(s);
    }

    static boolean awayFromKink(Case c) {
        for (double v : c.x()) if (Math.abs(v) < 1e-3) return false;
        return true;
    }

    @Override
    public Class<LeakyRelu> contract() { return LeakyRelu.class; }

    @Override
    public List<Check<LeakyRelu>> checks() {
        return List.of(
            Check.<LeakyRelu>oracle("forwardMatchesReference", ctx -> ctx.forAll(cases(withZeros()), c ->
                close("leaky_relu(x)", ctx.oracle().forward(c.x(), c.slope()),
                        pure("forward(x, slope)", () -> ctx.subject().forward(c.x(), c.slope()), c.x())))),

            Check.<LeakyRelu>oracle("backwardMatchesReference", ctx -> ctx.forAll(cases(withZeros()), c ->
                close("dx", ctx.oracle().backward(c.x(), c.upstream(), c.slope()),
                        pure("backward(x, upstream, slope)", () -> ctx.subject().backward(c.x(), c.upstream(), c.slope()),
                                c.x(), c.upstream())))),

            Check.<LeakyRelu>invariant("equalsMaxOfXAndSlopeTimesX", ctx -> ctx.forAll(cases(withZeros()), c -> {
                double[] y = ctx.subject().forward(c.x(), c.slope());
                that(y.length == c.x().length, () -> "forward gave " + y.length + " entries for " + c.x().length + " inputs");
                for (int i = 0; i < y.length; i++) {
                    double x = c.x()[i];
                    close("leaky_relu(x)[" + i + "] for x = " + x + " (max(x, slope * x) when 0 <= slope < 1)",
                            Math.max(x, c.slope() * x), y[i]);
                }
            })).hint("The slope multiplies the negative inputs only; positive inputs pass through unchanged."),

            Check.<LeakyRelu>invariant("gradientIsUpstreamOrSlopeTimesUpstream", ctx -> ctx.forAll(cases(withZeros()), c -> {
                double[] dx = ctx.subject().backward(c.x(), c.upstream(), c.slope());
                that(dx.length == c.x().length, () -> "backward gave " + dx.length + " entries for " + c.x().length + " inputs");
                for (int i = 0; i < dx.length; i++) {
                    double x = c.x()[i];
                    close("dx[" + i + "] for x = " + x + ", upstream = " + c.upstream()[i] + " (slope at x <= 0, 1 at x > 0)",
                            x > 0 ? c.upstream()[i] : c.slope() * c.upstream()[i], dx[i]);
                }
            })).hint("The local derivative is 1 for x > 0 and the slope otherwise (PyTorch uses the slope at exactly 0)."),

            Check.<LeakyRelu>gradcheck("backwardAgreesWithCentralDifferences", ctx -> ctx.forAll(cases(Gens.doubles(-5, 5)).filter(LeakyReluSpec::awayFromKink), c ->
                GradCheck.check("dx", c.x(), x -> Tensors.dot(c.upstream(), ctx.subject().forward(x, c.slope())),
                        ctx.subject().backward(c.x(), c.upstream(), c.slope())))),

            Check.<LeakyRelu>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe() + ", negativeSlope = 0.01", () -> {
                        close("y", g.output().vec("y"), ctx.subject().forward(g.input().vec("x"), 0.01));
                        close("dx", g.output().vec("dx"), ctx.subject().backward(g.input().vec("x"), g.input().vec("upstream"), 0.01));
                    });
                }
            })
        );
    }
}
