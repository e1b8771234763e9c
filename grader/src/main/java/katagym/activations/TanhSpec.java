package katagym.activations;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
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

public final class TanhSpec implements KataSpec<Tanh> {
    private static final String FORWARD_HINT = "tanh(x) = (e^x - e^-x) / (e^x + e^-x); check the signs and that each element uses its own x[i].";
    private static final String BACKWARD_HINT = "d/dx tanh(x) = 1 - tanh(x)^2: square the output, not the input, and multiply by upstream[i].";

    @Override
    public Class<Tanh> contract() { return Tanh.class; }

    @Override
    public List<Check<Tanh>> checks() {
        return List.of(
            Check.<Tanh>oracle("forwardMatchesReference", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.logits()), c ->
                close("tanh(x)", ctx.oracle().forward(c.x()),
                        pure("forward(x)", () -> ctx.subject().forward(c.x()), c.x()))))
                .enforces("forwardValue", "newArray").hint(FORWARD_HINT),

            Check.<Tanh>oracle("backwardMatchesReference", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.logits()), c ->
                close("dx", ctx.oracle().backward(c.x(), c.upstream()),
                        pure("backward(x, upstream)", () -> ctx.subject().backward(c.x(), c.upstream()), c.x(), c.upstream()))))
                .enforces("backwardValue", "newArray").hint(BACKWARD_HINT),

            Check.<Tanh>example("handWorkedValues", ctx -> {
                ctx.example("x = [0.0, -0.0, 1.0]", () -> close("tanh(x)", new double[] {0.0, -0.0, 0.7615941559557649},
                        ctx.subject().forward(new double[] {0.0, -0.0, 1.0})));
                ctx.example("x = [1e-300, -1e-20, 1e-9]", () -> close("tanh(x) (tanh(x) = x to double precision for tiny x)",
                        new double[] {1e-300, -1e-20, 1e-9}, ctx.subject().forward(new double[] {1e-300, -1e-20, 1e-9}), ElementwiseChecks.RELATIVE));
                ctx.example("x = [1000.0, -1000.0, 20.0]", () -> close("tanh(x)", new double[] {1.0, -1.0, 1.0},
                        ctx.subject().forward(new double[] {1000.0, -1000.0, 20.0})));
                ctx.example("x = [0.0, 0.5], upstream = [3.0, 2.0]", () -> close("dx (tanh'(0) = 1)", new double[] {3.0, 1.5728954659318548},
                        ctx.subject().backward(new double[] {0.0, 0.5}, new double[] {3.0, 2.0})));
                ctx.example("x = [] (empty)", () -> ElementwiseChecks.emptyGivesEmpty(ctx.subject(), Tanh::forward, Tanh::backward));
            }).enforces("forwardValue", "forwardStable", "backwardValue", "emptyInput")
                .hint("tanh(0) = 0 and tanh'(0) = 1; tanh(x) = x for tiny x (use expm1, not 1 - exp); an empty vector is a valid input."),

            ElementwiseChecks.<Tanh>resultsAreNewArrays(ElementwiseCase.cases(Gens.doubles()), Tanh::forward, Tanh::backward),

            Check.<Tanh>stability("relativelyAccurateForTinyAndHugeInputs", ctx -> ctx.forAll(ElementwiseCase.cases(ElementwiseChecks.tailValues()), c -> {
                // relative accuracy only: tanh(1e-300) = 1e-300 is not 0, however small
                close("tanh(x)", ctx.oracle().forward(c.x()), ctx.subject().forward(c.x()), ElementwiseChecks.RELATIVE);
                finite("dx", ctx.subject().backward(c.x(), c.upstream()));
            })).enforces("forwardStable", "backwardStable")
                .hint("1 - exp(-2|x|) cancels to 0 for tiny x: Math.expm1(-2|x|) gives e^{-2|x|} - 1 to full relative precision."),

            Check.<Tanh>invariant("oddBoundedAndFiniteEvenForHugeInputs", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.logits()), c -> {
                double[] y = ctx.subject().forward(c.x());
                double[] neg = new double[c.x().length];
                for (int i = 0; i < neg.length; i++) neg[i] = -c.x()[i];
                double[] yNeg = ctx.subject().forward(neg);
                finite("tanh(x)", y);
                finite("tanh(-x)", yNeg);
                for (int i = 0; i < y.length; i++) {
                    int k = i;
                    // 1e-12 forgives the rounding of a correct formula (sinh / cosh can give 1 + 1 ulp)
                    that(Math.abs(y[k]) <= 1 + 1e-12, () -> "tanh(x)[" + k + "] = " + y[k] + " lies outside [-1, 1]");
                    that((y[k] >= 0) == (c.x()[k] >= 0) || y[k] == 0,
                            () -> "tanh(x)[" + k + "] = " + y[k] + " has the wrong sign for x = " + c.x()[k]);
                    close("tanh(x)[" + k + "] + tanh(-x)[" + k + "] (tanh is odd, must be 0)", 0.0, y[k] + yNeg[k]);
                }
                double[] dx = ctx.subject().backward(c.x(), c.upstream());
                finite("dx", dx);
            })).enforces("forwardValue", "forwardStable", "backwardStable")
                .hint("tanh is odd and bounded: compute it for |x| with exp(-2|x|), which never overflows, and copy the sign."),

            Check.<Tanh>gradcheck("backwardAgreesWithCentralDifferences", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.doubles(-4, 4)), c ->
                GradCheck.check("dx", c.x(), x -> Tensors.dot(c.upstream(), ctx.subject().forward(x)),
                        ctx.subject().backward(c.x(), c.upstream()))))
                .enforces("backwardValue").hint(BACKWARD_HINT),

            Check.<Tanh>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        close("y", g.output().vec("y"), ctx.subject().forward(g.input().vec("x")));
                        close("dx", g.output().vec("dx"), ctx.subject().backward(g.input().vec("x"), g.input().vec("upstream")));
                    });
                }
            }).enforces("forwardValue", "backwardValue")
                .hint("These are torch.tanh's values and gradients: compare your formula with the definition on the case shown.")
        );
    }
}
