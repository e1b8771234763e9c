package katagym.losses;

import static katagym.grader.check.Checks.close;
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
            Check.<Mse>oracle("lossMatchesReference", ctx -> ctx.forAll(cases(Gens.doubles()), c -> {
                double loss = pure("loss(prediction, target)", () -> ctx.subject().loss(c.prediction(), c.target()),
                        c.prediction(), c.target());
                close("loss", ctx.oracle().loss(c.prediction(), c.target()), loss);
            })),

            Check.<Mse>oracle("gradientMatchesReference", ctx -> ctx.forAll(cases(Gens.doubles()), c ->
                close("dprediction", ctx.oracle().gradient(c.prediction(), c.target()),
                        pure("gradient(prediction, target)", () -> ctx.subject().gradient(c.prediction(), c.target()),
                                c.prediction(), c.target())))),

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
            })).hint("Mean reduction: divide the sum of squared errors by the number of elements."),

            Check.<Mse>gradcheck("gradientAgreesWithCentralDifferences", ctx -> ctx.forAll(cases(Gens.doubles(-5, 5)), c ->
                GradCheck.check("dprediction", c.prediction(), p -> ctx.subject().loss(p, c.target()),
                        ctx.subject().gradient(c.prediction(), c.target()))))
                .hint("d/dp of (1/n) sum (p - t)^2 is 2 (p - t) / n: keep both the 2 and the 1/n."),

            Check.<Mse>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[] p = g.input().vec("prediction"), t = g.input().vec("target");
                        close("loss", g.output().num("loss"), ctx.subject().loss(p, t));
                        close("dprediction", g.output().vec("dprediction"), ctx.subject().gradient(p, t));
                    });
                }
            })
        );
    }
}
