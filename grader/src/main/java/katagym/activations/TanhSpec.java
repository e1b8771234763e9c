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

public final class TanhSpec implements KataSpec<Tanh> {


    @Override
    public Class<Tanh> contract() { return Tanh.class; }

    @Override
    public List<Check<Tanh>> checks() {
        return List.of(
            Check.<Tanh>oracle("forwardMatchesReference", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.logits()), c ->
                close("tanh(x)", ctx.oracle().forward(c.x()),
                        pure("forward(x)", () -> ctx.subject().forward(c.x()), c.x())))),

            Check.<Tanh>oracle("backwardMatchesReference", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.logits()), c ->
                close("dx", ctx.oracle().backward(c.x(), c.upstream()),
                        pure("backward(x, upstream)", () -> ctx.subject().backward(c.x(), c.upstream()), c.x(), c.upstream())))),

            Check.<Tanh>invariant("oddBoundedAndFiniteEvenForHugeInputs", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.logits()), c -> {
                double[] y = ctx.subject().forward(c.x());
                double[] neg = new double[c.x().length];
                for (int i = 0; i < neg.length; i++) neg[i] = -c.x()[i];
                double[] yNeg = ctx.subject().forward(neg);
                finite("tanh(x)", y);
                finite("tanh(-x)", yNeg);
                for (int i = 0; i < y.length; i++) {
                    int k = i;
                    that(Math.abs(y[k]) <= 1, () -> "tanh(x)[" + k + "] = " + y[k] + " lies outside [-1, 1]");
                    that((y[k] >= 0) == (c.x()[k] >= 0) || y[k] == 0,
                            () -> "tanh(x)[" + k + "] = " + y[k] + " has the wrong sign for x = " + c.x()[k]);
                    close("tanh(x)[" + k + "] + tanh(-x)[" + k + "] (tanh is odd, must be 0)", 0.0, y[k] + yNeg[k]);
                }
                double[] dx = ctx.subject().backward(c.x(), c.upstream());
                finite("dx", dx);
            })).hint("tanh is odd and bounded: compute it for |x| with exp(-2|x|), which never overflows, and copy the sign."),

            Check.<Tanh>gradcheck("backwardAgreesWithCentralDifferences", ctx -> ctx.forAll(ElementwiseCase.cases(Gens.doubles(-4, 4)), c ->
                GradCheck.check("dx", c.x(), x -> Tensors.dot(c.upstream(), ctx.subject().forward(x)),
                        ctx.subject().backward(c.x(), c.upstream()))))
                .hint("d/dx tanh(x) = 1 - tanh(x)^2: square the output, not the input."),

            Check.<Tanh>golden("matchesPyTorch", ctx -> {
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
