package katagym.losses;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.Checks;
import katagym.grader.check.GradCheck;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.prop.Source;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class FocalLossSpec implements KataSpec<FocalLoss> {
    private static final String LOSS_HINT = "Per element alpha_t (1 - p_t)^gamma * -log p_t, with p_t the probability of the TRUE label; then the mean over n.";
    private static final String GRADIENT_HINT = "With z = +-x, q = sigmoid(-z), ce = softplus(-z): d/dz = -q^gamma (gamma p_t ce + q); times dz/dx = +-1, alpha_t and 1/n.";

    /** Logits, 0/1 labels, alpha (negative: no weighting) and gamma. */
    record Case(double[] logits, double[] targets, double alpha, double gamma) {}

    /** -1 (torchvision's "off"), another negative value (also off), 0.25, 0 or 1, or any value in [0, 1). */
    static double alpha(Source s) {
        return switch (s.weighted(0.2, 0.15, 0.2, 0.1, 0.35)) {
            case 0 -> -1.0;
            case 1 -> -0.01 - 2 * Gens.unit(s);
            case 2 -> 0.25;
            case 3 -> (double) s.choice(1);
            default -> Gens.unit(s);
        };
    }

    static double gamma(Source s) {
        return switch (s.weighted(0.2, 0.3, 0.2, 0.3)) {
            case 0 -> 0.0;
            case 1 -> 2.0;
            case 2 -> 0.5;
            default -> 5 * Gens.unit(s);
        };
    }

    static Gen<Case> cases(Gen<Double> logits) {
        return s -> {
            double[] x = Gens.vectors(1, 8, logits).generate(s);
            double[] y = new double[x.length];
            for (int i = 0; i < y.length; i++) y[i] = s.choice(1);
            return new Case(x, y, alpha(s), gamma(s));
        };
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /** -log p_t = log(1 + exp(-z)) for the signed logit z. */
    static double bce(double x, double y) {
        double z = y == 1 ? x : -x;
        return Math.max(-z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    @Override
    public Class<FocalLoss> contract() { return FocalLoss.class; }

    @Override
    public List<Check<FocalLoss>> checks() {
        return List.of(
            Check.<FocalLoss>oracle("lossMatchesReference", ctx -> ctx.forAll(cases(Gens.logits()), c -> {
                double loss = pure("loss(logits, targets, alpha, gamma)",
                        () -> ctx.subject().loss(c.logits(), c.targets(), c.alpha(), c.gamma()), c.logits(), c.targets());
                close("loss", ctx.oracle().loss(c.logits(), c.targets(), c.alpha(), c.gamma()), loss);
            })).enforces("lossValue", "alphaWeighting", "gammaRange", "pure").hint(LOSS_HINT),

            Check.<FocalLoss>oracle("gradientMatchesReference", ctx -> ctx.forAll(cases(Gens.logits()), c ->
                close("dlogits", ctx.oracle().gradient(c.logits(), c.targets(), c.alpha(), c.gamma()),
                        pure("gradient(logits, targets, alpha, gamma)",
                                () -> ctx.subject().gradient(c.logits(), c.targets(), c.alpha(), c.gamma()), c.logits(), c.targets()))))
                .enforces("gradientValue", "alphaWeighting", "gammaRange", "pure").hint(GRADIENT_HINT),

            Check.<FocalLoss>invariant("gradientIsANewArray", ctx -> ctx.forAll(cases(Gens.doubles()), c ->
                fresh("gradient(logits, targets, alpha, gamma)", () -> ctx.subject().gradient(c.logits(), c.targets(), c.alpha(), c.gamma()),
                        c.logits(), c.targets())))
                .enforces("gradientNewArray")
                .hint("Allocate the gradient with new double[n] inside each call: a field reused between calls changes the caller's earlier result."),

            Check.<FocalLoss>example("handWorkedValues", ctx -> {
                double log2 = Math.log(2);
                for (double alpha : new double[] {-1, -0.5}) {
                    ctx.example("logits = [0], targets = [1], alpha = " + alpha + " (no weighting), gamma = 2", () -> {
                        close("loss (0.5^2 log 2)", 0.25 * log2, ctx.subject().loss(new double[] {0}, new double[] {1}, alpha, 2));
                        close("dlogits (-0.5^2 (2 * 0.5 log 2 + 0.5))", new double[] {-0.25 * (log2 + 0.5)},
                                ctx.subject().gradient(new double[] {0}, new double[] {1}, alpha, 2));
                    });
                }
                ctx.example("logits = [0, 0], targets = [1, 0], alpha = 0.25, gamma = 0", () -> {
                    close("loss ((0.25 + 0.75) log 2 / 2)", 0.5 * log2, ctx.subject().loss(new double[] {0, 0}, new double[] {1, 0}, 0.25, 0));
                    close("dlogits", new double[] {0.25 * -0.5 / 2, 0.75 * 0.5 / 2},
                            ctx.subject().gradient(new double[] {0, 0}, new double[] {1, 0}, 0.25, 0));
                });
                ctx.example("logits = [0], targets = [0], alpha = -1, gamma = 0.5", () ->
                    close("loss (sqrt(0.5) log 2)", Math.sqrt(0.5) * log2, ctx.subject().loss(new double[] {0}, new double[] {0}, -1, 0.5)));
            }).enforces("lossValue", "gradientValue", "alphaWeighting", "gammaRange")
                .hint("At x = 0, p_t = 1/2 whatever the label; alpha < 0 (any negative value) means no weighting at all."),

            Check.<FocalLoss>invariant("withGammaZeroAndNoAlphaItIsBinaryCrossEntropy", ctx -> ctx.forAll(cases(Gens.doubles(-20, 20)), c -> {
                int n = c.logits().length;
                double expected = 0;
                double[] dExpected = new double[n];
                for (int i = 0; i < n; i++) {
                    expected += bce(c.logits()[i], c.targets()[i]) / n;
                    dExpected[i] = (sigmoid(c.logits()[i]) - c.targets()[i]) / n;
                }
                close("loss with gamma = 0, alpha = -1 (BCE with logits, mean)", expected, ctx.subject().loss(c.logits(), c.targets(), -1, 0));
                close("dlogits with gamma = 0, alpha = -1 ((sigmoid(x) - y) / n)", dExpected, ctx.subject().gradient(c.logits(), c.targets(), -1, 0));
            })).enforces("lossValue", "gradientValue").hint("With gamma = 0 and no alpha, focal loss is plain binary cross-entropy with logits."),

            Check.<FocalLoss>invariant("eachElementIsWeightedByAlphaTAndOneMinusPtToTheGamma", ctx -> ctx.forAll(cases(Gens.doubles(-20, 20)), c -> {
                int n = c.logits().length;
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double x = c.logits()[i], y = c.targets()[i];
                    double oneMinusPt = sigmoid(y == 1 ? -x : x);
                    double alphaT = c.alpha() < 0 ? 1 : y == 1 ? c.alpha() : 1 - c.alpha();
                    double one = ctx.subject().loss(new double[] {x}, new double[] {y}, c.alpha(), c.gamma());
                    double plain = ctx.subject().loss(new double[] {x}, new double[] {y}, -1, 0);
                    int k = i;
                    close("loss([" + x + "], [" + y + "]) (must be alpha_t (1 - p_t)^gamma times the BCE "
                            + plain + ", with 1 - p_t = " + oneMinusPt + ", alpha_t = " + alphaT + ")",
                            alphaT * Math.pow(oneMinusPt, c.gamma()) * plain, one);
                    that(one <= plain * Math.max(alphaT, 1e-300) + 1e-12 || alphaT == 0,
                            () -> "element " + k + ": focal loss " + one + " exceeds alpha_t times the BCE");
                    sum += one;
                }
                close("loss (the mean of the one-element losses)", sum / n, ctx.subject().loss(c.logits(), c.targets(), c.alpha(), c.gamma()));
            })).enforces("lossValue", "alphaWeighting", "gammaRange").hint("p_t is the probability of the TRUE label: sigmoid(x) for y = 1 but 1 - sigmoid(x) for y = 0; alpha goes to the positives."),

            Check.<FocalLoss>invariant("alphaZeroOrOneSilencesOneClass", ctx -> {
                double[] x = {1.5, -0.5, 0.25, -2.0};
                double[] y = {1, 0, 0, 1};
                for (double alpha : new double[] {0.0, 1.0}) {
                    ctx.example("logits [1.5, -0.5, 0.25, -2], labels [1, 0, 0, 1], gamma = 2, alpha = " + alpha, () -> {
                        double expected = 0;
                        for (int i = 0; i < x.length; i++) {
                            double alphaT = y[i] == 1 ? alpha : 1 - alpha;
                            expected += alphaT * Math.pow(sigmoid(y[i] == 1 ? -x[i] : x[i]), 2) * bce(x[i], y[i]) / x.length;
                        }
                        close("loss with alpha = " + alpha + " (alpha_t = alpha for the positives, 1 - alpha for the negatives; alpha >= 0 weighs)",
                                expected, ctx.subject().loss(x, y, alpha, 2));
                        double[] g = ctx.subject().gradient(x, y, alpha, 2);
                        Checks.shape("dlogits", g, x.length);
                        for (int i = 0; i < x.length; i++) {
                            int k = i;
                            double silenced = y[i] == 1 ? alpha : 1 - alpha;
                            if (silenced == 0) that(g[i] == 0, () -> "dlogits[" + k + "] = " + g[k] + ": label " + y[k] + " has alpha_t = 0 with alpha = "
                                    + alpha + ", so it contributes nothing and its gradient is 0");
                        }
                    });
                }
            }).enforces("alphaWeighting", "gradientValue").hint("alpha = 0 is a weighting (positives get 0, negatives 1), not 'no weighting': only a negative alpha disables it."),

            Check.<FocalLoss>invariant("flippingLogitsLabelsAndAlphaChangesNothing", ctx -> ctx.forAll(cases(Gens.doubles(-20, 20)), c -> {
                double[] negX = new double[c.logits().length], flipY = new double[c.logits().length];
                for (int i = 0; i < negX.length; i++) { negX[i] = -c.logits()[i]; flipY[i] = 1 - c.targets()[i]; }
                double flipAlpha = c.alpha() < 0 ? c.alpha() : 1 - c.alpha();
                close("loss(-x, 1 - y, 1 - alpha, gamma) (must equal loss(x, y, alpha, gamma))",
                        ctx.subject().loss(c.logits(), c.targets(), c.alpha(), c.gamma()),
                        ctx.subject().loss(negX, flipY, flipAlpha, c.gamma()));
                double[] g = ctx.subject().gradient(c.logits(), c.targets(), c.alpha(), c.gamma());
                double[] gFlip = ctx.subject().gradient(negX, flipY, flipAlpha, c.gamma());
                for (int i = 0; i < gFlip.length; i++) gFlip[i] = -gFlip[i];
                close("-gradient(-x, 1 - y, 1 - alpha, gamma) (must equal gradient(x, y, alpha, gamma))", g, gFlip);
            })).enforces("lossValue", "gradientValue", "alphaWeighting")
                .hint("Swapping the classes (x -> -x, y -> 1 - y, alpha -> 1 - alpha) must change nothing: treat positives and negatives alike."),

            Check.<FocalLoss>gradcheck("gradientAgreesWithCentralDifferences", ctx -> ctx.forAll(cases(Gens.doubles(-6, 6)), c ->
                GradCheck.check("dlogits", c.logits(), x -> ctx.subject().loss(x, c.targets(), c.alpha(), c.gamma()),
                        ctx.subject().gradient(c.logits(), c.targets(), c.alpha(), c.gamma()))))
                .enforces("gradientValue").hint("(1 - p_t)^gamma depends on x too: differentiate the product, not only the cross-entropy."),

            Check.<FocalLoss>golden("matchesTorchvision", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[] x = g.input().vec("logits"), y = g.input().vec("targets");
                        double alpha = g.input().num("alpha"), gamma = g.input().num("gamma");
                        close("loss", g.output().num("loss"), ctx.subject().loss(x, y, alpha, gamma));
                        close("dlogits", g.output().vec("dlogits"), ctx.subject().gradient(x, y, alpha, gamma));
                    });
                }
            }).enforces("lossValue", "gradientValue").hint("These are torchvision.ops.sigmoid_focal_loss's values (mean) and gradients on the case shown."),

            Check.<FocalLoss>stability("finiteAndExactForHugeLogits", ctx -> ctx.forAll(cases(Gens.extremes()), c -> {
                // For |x| >= 100 a right answer costs < 1e-43 and a wrong one costs alpha_t |x| (1 - p_t = 1),
                // with d/dx = -alpha_t sign(z) / n up to far below tolerance.
                int n = c.logits().length;
                double expected = 0;
                double[] dExpected = new double[n];
                for (int i = 0; i < n; i++) {
                    double x = c.logits()[i], y = c.targets()[i];
                    double alphaT = c.alpha() < 0 ? 1 : y == 1 ? c.alpha() : 1 - c.alpha();
                    boolean wrong = (y == 1) != (x > 0);
                    if (wrong) {
                        expected += alphaT * Math.abs(x) / n;
                        dExpected[i] = (y == 1 ? -alphaT : alphaT) / n;
                    }
                }
                double loss = ctx.subject().loss(c.logits(), c.targets(), c.alpha(), c.gamma());
                finite("loss", loss);
                close("loss", expected, loss);
                double[] g = ctx.subject().gradient(c.logits(), c.targets(), c.alpha(), c.gamma());
                finite("dlogits", g);
                close("dlogits", dExpected, g);
            })).enforces("lossStable", "gradientStable").hint("Compute -log p_t from the logit (log1p(exp(-|z|)) form), not as -log of a probability that may round to 0.")
        );
    }
}
