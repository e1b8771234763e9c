package katagym.activations;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.GradCheck;
import katagym.grader.check.Tensors;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class SigmoidSpec implements KataSpec<Sigmoid> {


    @Override
    public Class<Sigmoid> contract() { return Sigmoid.class; }

    @Override
    public List<Check<Sigmoid>> checks() {
        return List.of(
            Check.<Sigmoid>oracle("forwardMatchesReference", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.logits()), c ->
                close("sigmoid(x)", ctx.oracle().forward(c.x()),
                        pure("forward(x)", () -> ctx.subject().forward(c.x()), c.x())))),

            Check.<Sigmoid>oracle("backwardMatchesReference", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.logits()), c ->
                close("dx", ctx.oracle().backward(c.x(), c.upstream()),
                        pure("backward(x, upstream)", () -> ctx.subject().backward(c.x(), c.upstream()), c.x(), c.upstream())))),

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
            })).hint("sigmoid(-x) = 1 - sigmoid(x): both branches of a stable sigmoid must agree with this."),

            Check.<Sigmoid>gradcheck("backwardAgreesWithCentralDifferences", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.doubles(-6, 6)), c ->
                GradCheck.check("dx", c.x(), x -> Tensors.dot(c.upstream(), ctx.subject().forward(x)),
                        ctx.subject().backward(c.x(), c.upstream())))),

            Check.<Sigmoid>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        close("y", g.output().vec("y"), ctx.subject().forward(g.input().vec("x")));
                        close("dx", g.output().vec("dx"), ctx.subject().backward(g.input().vec("x"), g.input().vec("upstream")));
                    });
                }
            }),

            Check.<Sigmoid>stability("finiteAndExactForHugeMagnitudes", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.extremes()), c -> {
                double[] y = ctx.subject().forward(c.x());
                finite("sigmoid(x)", y);
                close("sigmoid(x)", ctx.oracle().forward(c.x()), y);
                double[] dx = ctx.subject().backward(c.x(), c.upstream());
                finite("dx", dx);
            })).hint("For x < 0 use exp(x) / (1 + exp(x)); for x >= 0 use 1 / (1 + exp(-x)). exp of a large positive number overflows.")
        );
    }
}
