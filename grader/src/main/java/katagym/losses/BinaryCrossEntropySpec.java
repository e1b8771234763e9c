package katagym.losses;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.GradCheck;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class BinaryCrossEntropySpec implements KataSpec<BinaryCrossEntropy> {
    private static final String LOSS_HINT = "Per element max(x, 0) - x * y + log1p(exp(-|x|)), then the mean over n; soft targets y in (0, 1) count as they are.";
    private static final String GRADIENT_HINT = "The gradient is (sigmoid(x) - y) / n, with a sigmoid that never calls exp on a large positive number.";

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
            })).enforces("lossValue", "pure").hint(LOSS_HINT),

            Check.<BinaryCrossEntropy>oracle("gradientMatchesReference", ctx -> ctx.forAll(cases(Gens.logits()), c ->
                close("dlogits", ctx.oracle().gradient(c.logits(), c.targets()),
                        pure("gradient(logits, targets)", () -> ctx.subject().gradient(c.logits(), c.targets()),
                                c.logits(), c.targets()))))
                .enforces("gradientValue", "pure").hint(GRADIENT_HINT),

            Check.<BinaryCrossEntropy>invariant("gradientIsANewArray", ctx -> ctx.forAll(cases(Gens.doubles()), c ->
                fresh("gradient(logits, targets)", () -> ctx.subject().gradient(c.logits(), c.targets()), c.logits(), c.targets())))
                .enforces("gradientNewArray")
                .hint("Allocate the gradient with new double[n] inside each call: a field reused between calls changes the caller's earlier result."),

            Check.<BinaryCrossEntropy>example("handWorkedValues", ctx -> {
                ctx.example("logits = [0], targets = [1]", () -> {
                    close("loss (log 2)", Math.log(2), ctx.subject().loss(new double[] {0}, new double[] {1}));
                    close("dlogits (sigmoid(0) - 1)", new double[] {-0.5}, ctx.subject().gradient(new double[] {0}, new double[] {1}));
                });
                ctx.example("logits = [0, -0.0], targets = [0.5, 0.5] (soft labels)", () -> {
                    close("loss (log 2)", Math.log(2), ctx.subject().loss(new double[] {0, -0.0}, new double[] {0.5, 0.5}));
                    close("dlogits", new double[] {0, 0}, ctx.subject().gradient(new double[] {0, -0.0}, new double[] {0.5, 0.5}));
                });
                ctx.example("logits = [-1000, 1000], targets = [1, 0] (two confident mistakes)", () -> {
                    close("loss (each costs |x| = 1000)", 1000.0, ctx.subject().loss(new double[] {-1000, 1000}, new double[] {1, 0}));
                    close("dlogits", new double[] {-0.5, 0.5}, ctx.subject().gradient(new double[] {-1000, 1000}, new double[] {1, 0}));
                });
                ctx.example("logits = [40, -40], targets = [1, 0] (two confident right answers)", () ->
                    close("loss (log1p(exp(-40)) = 4.25e-18, not 0)", Math.log1p(Math.exp(-40)),
                            ctx.subject().loss(new double[] {40, -40}, new double[] {1, 0}), Tolerance.of(1e-9, 0)));
            }).enforces("lossValue", "gradientValue", "lossStable")
                .hint("log 2 at x = 0; |x| for a confident mistake; log1p(exp(-|x|)), tiny but not 0, for a confident right answer."),

            Check.<BinaryCrossEntropy>invariant("flippingLogitsAndLabelsChangesNothingButTheGradientSign", ctx -> ctx.forAll(cases(Gens.doubles(-20, 20)), c -> {
                double[] negX = negated(c.logits()), flipY = oneMinus(c.targets());
                double loss = ctx.subject().loss(c.logits(), c.targets());
                that(loss >= 0, () -> "loss = " + loss + " is negative");
                close("loss(-x, 1 - y) (must equal loss(x, y))", loss, ctx.subject().loss(negX, flipY));
                close("-gradient(-x, 1 - y) (must equal gradient(x, y))", ctx.subject().gradient(c.logits(), c.targets()),
                        negated(ctx.subject().gradient(negX, flipY)));
            })).enforces("lossValue", "gradientValue").hint("BCE treats the two classes alike: sigmoid(-x) = 1 - sigmoid(x)."),

            Check.<BinaryCrossEntropy>invariant("lossIsTheMeanOfOneElementLosses", ctx -> ctx.forAll(cases(Gens.doubles(-20, 20)), c -> {
                int n = c.logits().length;
                double sum = 0;
                for (int i = 0; i < n; i++) sum += ctx.subject().loss(new double[] {c.logits()[i]}, new double[] {c.targets()[i]});
                close("loss (the mean of the " + n + " one-element losses)", sum / n, ctx.subject().loss(c.logits(), c.targets()));
            })).enforces("lossValue").hint("Mean reduction: divide the sum by the number of elements."),

            Check.<BinaryCrossEntropy>gradcheck("gradientAgreesWithCentralDifferences", ctx -> ctx.forAll(cases(Gens.doubles(-8, 8)), c ->
                GradCheck.check("dlogits", c.logits(), x -> ctx.subject().loss(x, c.targets()),
                        ctx.subject().gradient(c.logits(), c.targets()))))
                .enforces("gradientValue").hint("d/dx of the per-element loss is sigmoid(x) - y; the mean divides it by n."),

            Check.<BinaryCrossEntropy>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[] x = g.input().vec("logits"), y = g.input().vec("targets");
                        close("loss", g.output().num("loss"), ctx.subject().loss(x, y));
                        close("dlogits", g.output().vec("dlogits"), ctx.subject().gradient(x, y));
                    });
                }
            }).enforces("lossValue", "gradientValue").hint("These are torch's binary_cross_entropy_with_logits values and gradients on the case shown."),

            Check.<BinaryCrossEntropy>stability("confidentRightAnswersCostTheirTinyLossExactly", ctx -> ctx.forAll(s -> {
                double[] x = Gens.vectors(1, 8, Gens.doubles(10, 100)).generate(s);
                double[] y = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    if (s.choice(1) == 1) x[i] = -x[i];
                    y[i] = x[i] > 0 ? 1 : 0;
                }
                return new Case(x, y);
            }, c -> {
                double loss = ctx.subject().loss(c.logits(), c.targets());
                finite("loss", loss);
                // relative accuracy only: log1p(exp(-40)) = 4.2e-18 is not 0, however small
                close("loss of confident right answers (mean of log1p(exp(-|x|)))", ctx.oracle().loss(c.logits(), c.targets()), loss,
                        Tolerance.of(1e-9, 0));
            })).enforces("lossStable")
                .hint("Never drop log1p(exp(-|x|)) as negligible: for a right answer with |x| between 10 and 100 it is the whole loss."),

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
            })).enforces("lossStable", "gradientStable").hint("log(sigmoid(x)) overflows to -inf for x = -1000. Use -y log s - (1-y) log(1-s) = max(x, 0) - x y + log1p(exp(-|x|)).")
        );
    }
}
