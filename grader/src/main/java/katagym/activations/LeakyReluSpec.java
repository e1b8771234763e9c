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

public final class LeakyReluSpec implements KataSpec<LeakyRelu> {
    private static final String FORWARD_HINT = "Inputs >= 0 pass unchanged; negative inputs are multiplied by the slope, whatever its value.";
    private static final String BACKWARD_HINT = "The local derivative is 1 where x > 0 and the slope elsewhere (0 included), times upstream[i]; decide on x, not on the output.";

    /** An input vector, the gradient flowing back into the output, and the negative slope. */
    record Case(double[] x, double[] upstream, double slope) {}

    /**
     * Slopes over the whole allowed range: PyTorch's default 0.01 and the common 0.1 to 0.3, anything in
     * [0, 1), slopes above 1 and negative slopes (where max(x, slope * x) and an output mask go wrong).
     */
    static Gen<Double> slopes() {
        Gen<Double> any = Gens.doubles(0, 0.99);
        Gen<Double> usual = Gens.oneOf(0.01, 0.1, 0.2, 0.3);
        Gen<Double> steep = Gens.doubles(1, 5);
        Gen<Double> negative = Gens.doubles(-2, -0.01);
        return s -> switch (s.weighted(0.3, 0.3, 0.2, 0.2)) {
            case 0 -> usual.generate(s);
            case 1 -> any.generate(s);
            case 2 -> steep.generate(s);
            default -> negative.generate(s);
        };
    }

    static Gen<Case> cases(Gen<Double> values) {
        Gen<Double> slopes = slopes();
        return s -> {
            double[] x = Gens.vectors(1, 8, values).generate(s);
            double[] up = Gens.vector(x.length, upstreams()).generate(s);
            return new Case(x, up, slopes.generate(s));
        };
    }

    static Gen<Double> upstreams() { return ElementwiseChecks.nonZeroUpstreams(); }

    /** Values with plenty of exact zeros of both signs (the kink), ordinary and extreme values. */
    static Gen<Double> withZeros() { return ElementwiseChecks.withZeros(0.15); }

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
                        pure("forward(x, slope)", () -> ctx.subject().forward(c.x(), c.slope()), c.x()))))
                .enforces("forwardValue", "anySlope", "newArray").hint(FORWARD_HINT),

            Check.<LeakyRelu>oracle("backwardMatchesReference", ctx -> ctx.forAll(cases(withZeros()), c ->
                close("dx", ctx.oracle().backward(c.x(), c.upstream(), c.slope()),
                        pure("backward(x, upstream, slope)", () -> ctx.subject().backward(c.x(), c.upstream(), c.slope()),
                                c.x(), c.upstream()))))
                .enforces("backwardValue", "gradientAtZero", "anySlope", "newArray").hint(BACKWARD_HINT),

            Check.<LeakyRelu>example("handWorkedValues", ctx -> {
                double[] x = {-1.5, 0.0, -0.0, 0.5, 3.0}, up = {1.0, 2.0, 3.0, 3.0, 4.0};
                ctx.example("x = [-1.5, 0.0, -0.0, 0.5, 3.0], upstream = [1, 2, 3, 3, 4], slope = 0.1", () -> {
                    close("y", new double[] {-0.15000000000000002, 0.0, 0.0, 0.5, 3.0}, ctx.subject().forward(x, 0.1));
                    close("dx (the slope at x = 0)", new double[] {0.1, 0.2, 0.30000000000000004, 3.0, 4.0}, ctx.subject().backward(x, up, 0.1));
                });
                ctx.example("x = [-1.5, 0.0, -0.0, 0.5, 3.0], upstream = [1, 2, 3, 3, 4], slope = 2 (steeper than 1)", () -> {
                    close("y", new double[] {-3.0, 0.0, 0.0, 0.5, 3.0}, ctx.subject().forward(x, 2));
                    close("dx", new double[] {2.0, 4.0, 6.0, 3.0, 4.0}, ctx.subject().backward(x, up, 2));
                });
                ctx.example("x = [-1.5, 0.0, -0.0, 0.5, 3.0], upstream = [1, 2, 3, 3, 4], slope = -0.5 (negative)", () -> {
                    close("y", new double[] {0.75, 0.0, 0.0, 0.5, 3.0}, ctx.subject().forward(x, -0.5));
                    close("dx", new double[] {-0.5, -1.0, -1.5, 3.0, 4.0}, ctx.subject().backward(x, up, -0.5));
                });
                ctx.example("x = [] (empty), slope = 0.01", () -> {
                    equal("forward([], 0.01).length", 0, ctx.subject().forward(new double[0], 0.01).length);
                    equal("backward([], [], 0.01).length", 0, ctx.subject().backward(new double[0], new double[0], 0.01).length);
                });
            }).enforces("forwardValue", "backwardValue", "gradientAtZero", "anySlope", "emptyInput")
                .hint("Work the examples by hand: the side is chosen by the sign of x (not of the output), and a slope of 2 or -0.5 is as legal as 0.01."),

            ElementwiseChecks.<LeakyRelu>resultsAreNewArrays(ElementwiseCase.cases(Gens.doubles()),
                    (d, x) -> d.forward(x, 0.2), (d, x, up) -> d.backward(x, up, 0.2)),

            Check.<LeakyRelu>invariant("isXForNonNegativeAndSlopeTimesXForNegative", ctx -> ctx.forAll(cases(withZeros()), c -> {
                double[] y = ctx.subject().forward(c.x(), c.slope());
                that(y.length == c.x().length, () -> "forward gave " + y.length + " entries for " + c.x().length + " inputs");
                for (int i = 0; i < y.length; i++) {
                    double x = c.x()[i];
                    close("leaky_relu(x)[" + i + "] for x = " + x + ", slope = " + c.slope() + " (x if x >= 0, else slope * x)",
                            x >= 0 ? x : c.slope() * x, y[i]);
                }
            })).enforces("forwardValue", "anySlope")
                .hint("The slope multiplies the negative inputs only; max(x, slope * x) is the same thing only for slopes in [0, 1]."),

            Check.<LeakyRelu>invariant("gradientIsUpstreamOrSlopeTimesUpstream", ctx -> ctx.forAll(cases(withZeros()), c -> {
                double[] dx = ctx.subject().backward(c.x(), c.upstream(), c.slope());
                that(dx.length == c.x().length, () -> "backward gave " + dx.length + " entries for " + c.x().length + " inputs");
                for (int i = 0; i < dx.length; i++) {
                    double x = c.x()[i];
                    close("dx[" + i + "] for x = " + x + ", upstream = " + c.upstream()[i] + " (slope at x <= 0, 1 at x > 0)",
                            x > 0 ? c.upstream()[i] : c.slope() * c.upstream()[i], dx[i]);
                }
            })).enforces("backwardValue", "gradientAtZero", "anySlope")
                .hint("The local derivative is 1 for x > 0 and the slope otherwise (PyTorch uses the slope at exactly 0); test x, not the output."),

            Check.<LeakyRelu>gradcheck("backwardAgreesWithCentralDifferences", ctx -> ctx.forAll(cases(Gens.doubles(-5, 5)).filter(LeakyReluSpec::awayFromKink), c ->
                GradCheck.check("dx", c.x(), x -> Tensors.dot(c.upstream(), ctx.subject().forward(x, c.slope())),
                        ctx.subject().backward(c.x(), c.upstream(), c.slope()))))
                .enforces("backwardValue", "anySlope").hint(BACKWARD_HINT),

            Check.<LeakyRelu>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe() + ", negativeSlope = 0.01", () -> {
                        close("y", g.output().vec("y"), ctx.subject().forward(g.input().vec("x"), 0.01));
                        close("dx", g.output().vec("dx"), ctx.subject().backward(g.input().vec("x"), g.input().vec("upstream"), 0.01));
                    });
                }
            }).enforces("forwardValue", "backwardValue")
                .hint("These are torch's leaky_relu values and gradients with the default slope 0.01.")
        );
    }
}
