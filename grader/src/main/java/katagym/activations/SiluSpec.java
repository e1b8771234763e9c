package katagym.activations;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.GradCheck;
import katagym.grader.check.Tensors;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class SiluSpec implements KataSpec<Silu> {

    /** The minimum of x * sigmoid(x), reached near x = -1.2785: about -0.2784645. */
    static final double MINIMUM = -0.27846454276107;


    static double[] negated(double[] x) {
        double[] n = new double[x.length];
        for (int i = 0; i < n.length; i++) n[i] = -x[i];
        return n;
    }

    @Override
    public Class<Silu> contract() { return Silu.class; }

    @Override
    public List<Check<Silu>> checks() {
        return List.of(
            Check.<Silu>oracle("forwardMatchesReference", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.logits()), c ->
                close("silu(x)", ctx.oracle().forward(c.x()),
                        pure("forward(x)", () -> ctx.subject().forward(c.x()), c.x())))),

            Check.<Silu>oracle("backwardMatchesReference", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.logits()), c ->
                close("dx", ctx.oracle().backward(c.x(), c.upstream()),
                        pure("backward(x, upstream)", () -> ctx.subject().backward(c.x(), c.upstream()), c.x(), c.upstream())))),

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
            })).hint("sigmoid(-x) = 1 - sigmoid(x), so silu(x) - silu(-x) = x; a stable sigmoid never calls exp on a positive argument."),

            Check.<Silu>gradcheck("backwardAgreesWithCentralDifferences", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.doubles(-8, 8)), c ->
                GradCheck.check("dx", c.x(), x -> Tensors.dot(c.upstream(), ctx.subject().forward(x)),
                        ctx.subject().backward(c.x(), c.upstream()))))
                .hint("Product rule: d/dx [x s(x)] = s(x) + x s(x) (1 - s(x))."),

            Check.<Silu>golden("matchesPyTorch", ctx -> {
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
