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

public final class SiluSpec implements KataSpec<Silu> {

    /** The minimum of x * sigmoid(x), reached near x = -1.2785: about -0.2784645. */
    static final double MINIMUM = -0.27846454276107;


    static double[] negated(double[] x) { return ElementwiseChecks.negated(x); }

    private static final String FORWARD_HINT = "silu(x) = x * sigmoid(x) = x / (1 + exp(-x)); multiply by x itself, not by 1.";
    private static final String BACKWARD_HINT = "Product rule: d/dx [x s(x)] = s(x) + x s(x) (1 - s(x)), times upstream[i].";

    /** Logits (with the decade 10 to 100) and huge magnitudes: the left tail where a flush to zero shows. */
    static Gen<Double> tails() {
        Gen<Double> logits = Gens.logits(), huge = Gens.extremes();
        return s -> s.choice(1) == 0 ? logits.generate(s) : huge.generate(s);
    }

    @Override
    public Class<Silu> contract() { return Silu.class; }

    @Override
    public List<Check<Silu>> checks() {
        return List.of(
            Check.<Silu>oracle("forwardMatchesReference", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.logits()), c ->
                close("silu(x)", ctx.oracle().forward(c.x()),
                        pure("forward(x)", () -> ctx.subject().forward(c.x()), c.x()))))
                .enforces("forwardValue", "newArray").hint(FORWARD_HINT),

            Check.<Silu>oracle("backwardMatchesReference", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.logits()), c ->
                close("dx", ctx.oracle().backward(c.x(), c.upstream()),
                        pure("backward(x, upstream)", () -> ctx.subject().backward(c.x(), c.upstream()), c.x(), c.upstream()))))
                .enforces("backwardValue", "newArray").hint(BACKWARD_HINT),

            Check.<Silu>example("handWorkedValues", ctx -> {
                ctx.example("x = [0.0, 1.0, -1.0, 20.0]", () -> close("silu(x)",
                        new double[] {0.0, 0.7310585786300049, -0.2689414213699951, 19.999999958776927},
                        ctx.subject().forward(new double[] {0.0, 1.0, -1.0, 20.0})));
                ctx.example("x = [-40.0, -100.0]", () -> close("silu(x) (tiny, not 0)",
                        new double[] {-40.0 * Math.exp(-40.0) / (1 + Math.exp(-40.0)), -100.0 * Math.exp(-100.0) / (1 + Math.exp(-100.0))},
                        ctx.subject().forward(new double[] {-40.0, -100.0}), ElementwiseChecks.RELATIVE));
                ctx.example("x = [0.0, 1000.0, -1000.0], upstream = [2.0, 3.0, 4.0]", () -> close("dx (silu'(0) = 1/2)",
                        new double[] {1.0, 3.0, 0.0}, ctx.subject().backward(new double[] {0.0, 1000.0, -1000.0}, new double[] {2.0, 3.0, 4.0})));
                ctx.example("x = [] (empty)", () -> ElementwiseChecks.emptyGivesEmpty(ctx.subject(), Silu::forward, Silu::backward));
            }).enforces("forwardValue", "forwardStable", "backwardValue", "backwardStable", "emptyInput")
                .hint("silu(0) = 0 with slope 1/2; silu(-40) is about -1.7e-16, tiny but not 0; an empty vector is a valid input."),

            ElementwiseChecks.<Silu>resultsAreNewArrays(ElementwiseCase.cases(Gens.doubles()), Silu::forward, Silu::backward),

            Check.<Silu>stability("relativelyAccurateInTheTails", ctx -> ctx.forAll(ElementwiseCase.cases(tails()), c -> {
                // relative accuracy only: silu(-40) = -1.7e-16 is not 0, however small
                close("silu(x)", ctx.oracle().forward(c.x()), ctx.subject().forward(c.x()), ElementwiseChecks.RELATIVE);
                finite("dx", ctx.subject().backward(c.x(), c.upstream()));
            })).enforces("forwardStable", "backwardStable")
                .hint("Do not cut the left tail to 0: with a sigmoid that calls exp only on non-positive arguments, x * sigmoid(x) is accurate everywhere."),

            Check.<Silu>invariant("siluOfXMinusSiluOfMinusXIsX", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.logits()), c -> {
                double[] y = ctx.subject().forward(c.x());
                double[] yNeg = ctx.subject().forward(negated(c.x()));
                finite("silu(x)", y);
                finite("silu(-x)", yNeg);
                for (int i = 0; i < y.length; i++) {
                    int k = i;
                    double x = c.x()[k];
                    // x s(x) - (-x) s(-x) = x (s(x) + s(-x)) = x; absolute slack for the rounding of both terms
                    close("silu(x)[" + k + "] - silu(-x)[" + k + "] (must equal x = " + x + ")", x, y[k] - yNeg[k],
                            Tolerance.of(1e-9, 1e-12 + 1e-15 * Math.abs(x)));
                    that(y[k] >= MINIMUM - 1e-12, () -> "silu(x)[" + k + "] = " + y[k] + " is below the minimum of silu, " + MINIMUM);
                    that(y[k] <= Math.max(x, 0) + 1e-12 * Math.abs(x) + 1e-300,
                            () -> "silu(x)[" + k + "] = " + y[k] + " exceeds max(x, 0) for x = " + x);
                }
                finite("dx", ctx.subject().backward(c.x(), c.upstream()));
            })).enforces("forwardValue", "forwardStable", "backwardStable")
                .hint("sigmoid(-x) = 1 - sigmoid(x), so silu(x) - silu(-x) = x; a stable sigmoid never calls exp on a positive argument."),

            Check.<Silu>gradcheck("backwardAgreesWithCentralDifferences", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.doubles(-8, 8)), c ->
                GradCheck.check("dx", c.x(), x -> Tensors.dot(c.upstream(), ctx.subject().forward(x)),
                        ctx.subject().backward(c.x(), c.upstream()))))
                .enforces("backwardValue").hint(BACKWARD_HINT),

            Check.<Silu>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        close("y", g.output().vec("y"), ctx.subject().forward(g.input().vec("x")));
                        close("dx", g.output().vec("dx"), ctx.subject().backward(g.input().vec("x"), g.input().vec("upstream")));
                    });
                }
            }).enforces("forwardValue", "backwardValue")
                .hint("These are torch's silu values and gradients: compare your formula with x * sigmoid(x) on the case shown.")
        );
    }
}
