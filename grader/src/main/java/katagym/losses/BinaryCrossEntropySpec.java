package katagym.losses;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.GradCheck;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class BinaryCrossEntropySpec implements KataSpec<BinaryCrossEntropy> {

    /** Logits and targets of the same length. */
    record Case(double[] logits, double[] targets) {}

    /** Targets are 0 or 1 most of the time, sometimes a soft label in [0, 1). */
    static Gen<Double> targets() {
        return s -> s.weighted(0.8, 0.2) == 0 ? (double) s.choice(1) : Gens.unit(s);
    }

    static Gen<Case> cases(Gen<Double> logits) {
        return s -> {
            double[] x = Gens.vectors(1, 8, logits).generate(s);
            double[] y = Gens.vector(x.length, targets()).generate(s);
            return new Case(x, y);
        };
    }

    static double[] negated(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = -v[i];
        return out;
    }

    static double[] oneMinus(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = 1 - v[i];
        return out;
    }

    @Override
    public Class<BinaryCrossEntropy> contract() { return BinaryCrossEntropy.class; }

    @Override
    public List<Check<BinaryCrossEntropy>> checks() {
        return List.of(
            Check.<BinaryCrossEntropy>oracle("lossMatchesReference", ctx -> ctx.forAll(cases(Gens.logits()), c -> {
                double loss = pure("loss(logits, targets)", () -> ctx.subject().loss(c.logits(), c.targets()),
                        c.logits(), c.targets());
                close("loss", ctx.oracle().loss(c.logits(), c.targets()), loss);
            })),

            Check.<BinaryCrossEntropy>oracle("gradientMatchesReference", ctx -> ctx.forAll(cases(Gens.logits()), c ->
                close("dlogits", ctx.oracle().gradient(c.logits(), c.targets()),
                        pure("gradient(logits, targets)", () -> ctx.subject().gradient(c.logits(), c.targets()),
                                c.logits(), c.targets())))),

            Check.<BinaryCrossEntropy>invariant("flippingLogitsAndLabelsChangesNothingButTheGradientSign", ctx -> ctx.forAll(cases(Gens.doubles(-20, 20)), c -> {
                double[] negX = negated(c.logits()), flipY = oneMinus(c.targets());
                double loss = ctx.subject().loss(c.logits(), c.targets());
                that(loss >= 0, () -> "loss = " + loss + " is negative");
                close("loss(-x, 1 - y) (must equal loss(x, y))", loss, ctx.subject().loss(negX, flipY));
                close("-gradient(-x, 1 - y) (must equal gradient(x, y))", ctx.subject().gradient(c.logits(), c.targets()),
                        negated(ctx.subject().gradient(negX, flipY)));
            })).hint("BCE treats the two classes alike: sigmoid(-x) = 1 - sigmoid(x)."),

            Check.<BinaryCrossEntropy>invariant("lossIsTheMeanOfOneElementLosses", ctx -> ctx.forAll(cases(Gens.doubles(-20, 20)), c -> {
                int n = c.logits().length;
                double sum = 0;
                for (int i = 0; i < n; i++) sum += ctx.subject().loss(new double[] {c.logits()[i]}, new double[] {c.targets()[i]});
                close("loss (the mean of the " + n + " one-element losses)", sum / n, ctx.subject().loss(c.logits(), c.targets()));
            })).hint("Mean reduction: divide the sum by the number of elements."),

            Check.<BinaryCrossEntropy>gradcheck("gradientAgreesWithCentralDifferences", ctx -> ctx.forAll(cases(Gens.doubles(-8, 8)), c ->
                GradCheck.check("dlogits", c.logits(), x -> ctx.subject().loss(x, c.targets()),
                        ctx.subject().gradient(c.logits(), c.targets()))))
                .hint("d/dx of the per-element loss is sigmoid(x) - y; the mean divides it by n."),

            Check.<BinaryCrossEntropy>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[] x = g.input().vec("logits"), y = g.input().vec("targets");
                        close("loss", g.output().num("loss"), ctx.subject().loss(x, y));
                        close("dlogits", g.output().vec("dlogits"), ctx.subject().gradient(x, y));
                    });
                }
            }),

            Check.<BinaryCrossEntropy>stability("finiteAndExactForHugeLogits", ctx -> ctx.forAll(cases(Gens.extremes()), c -> {
                // For |x| >= 100, log(1 + exp(-|x|)) < 1e-43: the loss is max(x, 0) - x y up to far below tolerance,
                // and sigmoid(x) is 0 or 1.
                int n = c.logits().length;
                double expected = 0;
                double[] dExpected = new double[n];
                for (int i = 0; i < n; i++) {
                    double x = c.logits()[i], y = c.targets()[i];
                    expected += Math.max(x, 0) - x * y;
                    dExpected[i] = ((x > 0 ? 1 : 0) - y) / n;
                }
                double loss = ctx.subject().loss(c.logits(), c.targets());
                finite("loss", loss);
                close("loss", expected / n, loss);
                double[] d = ctx.subject().gradient(c.logits(), c.targets());
                finite("dlogits", d);
                close("dlogits", dExpected, d);
            })).hint("log(sigmoid(x)) overflows to -inf for x = -1000. Use -y log s - (1-y) log(1-s) = max(x, 0) - x y + log1p(exp(-|x|)).")
        );
    }
}
