package katagym.activations;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.GradCheck;
import katagym.grader.check.Tolerance;
import katagym.grader.check.Tensors;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class SigmoidSpec implements KataSpec<Sigmoid> {
    private static final String FORWARD_HINT = "sigma(x) = 1 / (1 + exp(-x)); check the sign inside exp and that each element uses its own x[i].";
    private static final String BACKWARD_HINT = "The derivative can be written with the output alone: sigma'(x) = sigma(x) * (1 - sigma(x)), times upstream[i].";

    @Override
    public Class<Sigmoid> contract() { return Sigmoid.class; }

    @Override
    public List<Check<Sigmoid>> checks() {
        return List.of(
            Check.<Sigmoid>oracle("forwardMatchesReference", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.logits()), c ->
                close("sigmoid(x)", ctx.oracle().forward(c.x()),
                        pure("forward(x)", () -> ctx.subject().forward(c.x()), c.x()))))
                .enforces("forwardValue", "newArray").hint(FORWARD_HINT),

            Check.<Sigmoid>oracle("backwardMatchesReference", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.logits()), c ->
                close("dx", ctx.oracle().backward(c.x(), c.upstream()),
                        pure("backward(x, upstream)", () -> ctx.subject().backward(c.x(), c.upstream()), c.x(), c.upstream()))))
                .enforces("backwardValue", "newArray").hint(BACKWARD_HINT),

            Check.<Sigmoid>example("handWorkedValues", ctx -> {
                ctx.example("x = [0.0, -0.0]", () -> equal("sigmoid([0.0, -0.0])", new double[] {0.5, 0.5},
                        ctx.subject().forward(new double[] {0.0, -0.0})));
                ctx.example("x = [0.0], upstream = [1.0]", () -> close("dx at 0 (sigma'(0) = 1/4)", new double[] {0.25},
                        ctx.subject().backward(new double[] {0.0}, new double[] {1.0})));
                ctx.example("x = [2.0, -2.0], upstream = [1.0, 1.0]", () -> {
                    double e = 1 / (1 + Math.exp(-2.0));
                    close("dx (sigma'(2) = sigma'(-2) = sigma(2)(1 - sigma(2)))", new double[] {e * (1 - e), e * (1 - e)},
                            ctx.subject().backward(new double[] {2.0, -2.0}, new double[] {1.0, 1.0}));
                });
                ctx.example("x = [] (empty)", () -> {
                    equal("forward([]).length", 0, ctx.subject().forward(new double[0]).length);
                    equal("backward([], []).length", 0, ctx.subject().backward(new double[0], new double[0]).length);
                });
            }).enforces("forwardValue", "backwardValue", "emptyInput")
                .hint("sigma(0) = 1/2 and sigma'(0) = 1/4 are the values to know by heart; an empty vector is a valid input."),

            Check.<Sigmoid>invariant("resultsAreNewArrays", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.doubles()), c -> {
                fresh("forward(x)", () -> ctx.subject().forward(c.x()), c.x());
                fresh("backward(x, upstream)", () -> ctx.subject().backward(c.x(), c.upstream()), c.x(), c.upstream());
            })).enforces("newArray")
                .hint("Allocate the output with new double[x.length] inside the call: returning x (or a field reused across calls) lets the caller's writes corrupt its data."),

            Check.<Sigmoid>invariant("outputLiesInUnitIntervalAndIsSymmetric", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.doubles(-30, 30)), c -> {
                double[] y = ctx.subject().forward(c.x());
                double[] neg = new double[c.x().length];
                for (int i = 0; i < neg.length; i++) neg[i] = -c.x()[i];
                double[] yNeg = ctx.subject().forward(neg);
                for (int i = 0; i < y.length; i++) {
                    int k = i;
                    that(y[k] >= 0 && y[k] <= 1, () -> "sigmoid(x)[" + k + "] = " + y[k] + " lies outside [0, 1]");
                    close("sigmoid(x)[" + k + "] + sigmoid(-x)[" + k + "] (must be 1)", 1.0, y[k] + yNeg[k]);
                }
            })).enforces("forwardValue")
                .hint("sigmoid(-x) = 1 - sigmoid(x): both branches of a stable sigmoid must agree with this."),

            Check.<Sigmoid>gradcheck("backwardAgreesWithCentralDifferences", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.doubles(-6, 6)), c ->
                GradCheck.check("dx", c.x(), x -> Tensors.dot(c.upstream(), ctx.subject().forward(x)),
                        ctx.subject().backward(c.x(), c.upstream()))))
                .enforces("backwardValue").hint(BACKWARD_HINT),

            Check.<Sigmoid>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        close("y", g.output().vec("y"), ctx.subject().forward(g.input().vec("x")));
                        close("dx", g.output().vec("dx"), ctx.subject().backward(g.input().vec("x"), g.input().vec("upstream")));
                    });
                }
            }).enforces("forwardValue", "backwardValue")
                .hint("These are torch.sigmoid's values and gradients: compare your formula with the definition on the case shown."),

            Check.<Sigmoid>stability("finiteAndExactForHugeMagnitudes", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.extremes()), c -> {
                double[] y = ctx.subject().forward(c.x());
                finite("sigmoid(x)", y);
                // relative accuracy only: sigmoid(-40) = 4.2e-18 is not 0, however small
                close("sigmoid(x)", ctx.oracle().forward(c.x()), y, Tolerance.of(1e-9, 0));
                double[] dx = ctx.subject().backward(c.x(), c.upstream());
                finite("dx", dx);
            })).enforces("forwardStable", "backwardStable")
                .hint("For x < 0 use exp(x) / (1 + exp(x)); for x >= 0 use 1 / (1 + exp(-x)). exp of a large positive number overflows.")
        );
    }
}
