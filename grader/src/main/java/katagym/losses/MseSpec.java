package katagym.losses;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.GradCheck;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class MseSpec implements KataSpec<Mse> {
    private static final String LOSS_HINT = "Mean reduction: square each residual prediction[i] - target[i], sum, and divide by n.";
    private static final String GRADIENT_HINT = "d/dp_i of (1/n) sum (p - t)^2 is 2 (p_i - t_i) / n: keep both the 2 and the 1/n, in double arithmetic.";

    /** Predictions and targets of the same length. */
    record Case(double[] prediction, double[] target) {}

    static Gen<Case> cases(Gen<Double> values) {
        return s -> {
            double[] p = Gens.vectors(1, 8, values).generate(s);
            double[] t = Gens.vector(p.length, values).generate(s);
            return new Case(p, t);
        };
    }

    @Override
    public Class<Mse> contract() { return Mse.class; }

    @Override
    public List<Check<Mse>> checks() {
        return List.of(
            Check.<Mse>oracle("lossMatchesReference", ctx -> ctx.forAll(cases(Gens.logits()), c -> {
                double loss = pure("loss(prediction, target)", () -> ctx.subject().loss(c.prediction(), c.target()),
                        c.prediction(), c.target());
                close("loss", ctx.oracle().loss(c.prediction(), c.target()), loss);
            })).enforces("lossValue", "pure").hint(LOSS_HINT),

            Check.<Mse>oracle("gradientMatchesReference", ctx -> ctx.forAll(cases(Gens.logits()), c ->
                close("dprediction", ctx.oracle().gradient(c.prediction(), c.target()),
                        pure("gradient(prediction, target)", () -> ctx.subject().gradient(c.prediction(), c.target()),
                                c.prediction(), c.target()))))
                .enforces("gradientValue", "pure").hint(GRADIENT_HINT),

            Check.<Mse>invariant("gradientIsANewArray", ctx -> ctx.forAll(cases(Gens.doubles()), c ->
                fresh("gradient(prediction, target)", () -> ctx.subject().gradient(c.prediction(), c.target()), c.prediction(), c.target())))
                .enforces("gradientNewArray")
                .hint("Allocate the gradient with new double[n] inside each call: a field reused between calls, or the prediction array, changes under the caller."),

            Check.<Mse>invariant("lossIsTheMeanOfTheOneElementSquaredErrors", ctx -> ctx.forAll(cases(Gens.doubles()), c -> {
                int n = c.prediction().length;
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double one = ctx.subject().loss(new double[] {c.prediction()[i]}, new double[] {c.target()[i]});
                    double d = c.prediction()[i] - c.target()[i];
                    close("loss([" + c.prediction()[i] + "], [" + c.target()[i] + "]) (the squared error)", d * d, one);
                    sum += one;
                }
                double loss = ctx.subject().loss(c.prediction(), c.target());
                that(loss >= 0, () -> "loss = " + loss + " is negative");
                close("loss (the mean of the " + n + " squared errors)", sum / n, loss);
                close("loss(target, target)", 0.0, ctx.subject().loss(c.target(), c.target()));
            })).enforces("lossValue").hint("Mean reduction: divide the sum of squared errors by the number of elements; squaring the mean residual is not the same."),

            Check.<Mse>example("handWorkedValues", ctx -> {
                ctx.example("prediction = [1, 2, 3], target = [1.5, 2, 1] (the statement's example)", () -> {
                    close("loss (4.25 / 3)", 4.25 / 3, ctx.subject().loss(new double[] {1, 2, 3}, new double[] {1.5, 2, 1}));
                    close("dprediction", new double[] {-1.0 / 3, 0.0, 4.0 / 3},
                            ctx.subject().gradient(new double[] {1, 2, 3}, new double[] {1.5, 2, 1}));
                });
                ctx.example("prediction = [3], target = [1] (n = 1)", () -> {
                    close("loss", 4.0, ctx.subject().loss(new double[] {3}, new double[] {1}));
                    close("dprediction", new double[] {4.0}, ctx.subject().gradient(new double[] {3}, new double[] {1}));
                });
                ctx.example("prediction = [1, -1, 0, 0], target = [-1, 1, 0, -0.0] (residuals cancel in a plain sum)", () -> {
                    close("loss (8 / 4)", 2.0, ctx.subject().loss(new double[] {1, -1, 0, 0}, new double[] {-1, 1, 0, -0.0}));
                    close("dprediction", new double[] {1, -1, 0, 0},
                            ctx.subject().gradient(new double[] {1, -1, 0, 0}, new double[] {-1, 1, 0, -0.0}));
                });
            }).enforces("lossValue", "gradientValue")
                .hint("Work the small cases by hand: with n = 4 the gradient is 2 r / 4 = r / 2; 2 / n in int arithmetic is 0."),

            Check.<Mse>gradcheck("gradientAgreesWithCentralDifferences", ctx -> ctx.forAll(cases(Gens.doubles(-5, 5)), c ->
                GradCheck.check("dprediction", c.prediction(), p -> ctx.subject().loss(p, c.target()),
                        ctx.subject().gradient(c.prediction(), c.target()))))
                .enforces("gradientValue").hint("d/dp of (1/n) sum (p - t)^2 is 2 (p - t) / n: compare your gradient with what your own loss does."),

            Check.<Mse>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[] p = g.input().vec("prediction"), t = g.input().vec("target");
                        close("loss", g.output().num("loss"), ctx.subject().loss(p, t));
                        close("dprediction", g.output().vec("dprediction"), ctx.subject().gradient(p, t));
                    });
                }
            }).enforces("lossValue", "gradientValue").hint("These are torch.nn.MSELoss()'s values and gradients (mean reduction) on the case shown.")
        );
    }
}
