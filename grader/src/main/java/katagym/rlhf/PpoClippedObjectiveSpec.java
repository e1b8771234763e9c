package katagym.rlhf;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.GradCheck;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class PpoClippedObjectiveSpec implements KataSpec<PpoClippedObjective> {

    /** Per-token log-probs under the new and the old policy, advantages, and the clip range. */
    record Case(double[] logProbsNew, double[] logProbsOld, double[] advantages, double clipEpsilon) {
        double ratio(int t) { return Math.exp(logProbsNew[t] - logProbsOld[t]); }
    }

    /** Ratios between about 0.55 and 1.8, so some tokens sit inside the clip range and some outside. */
    static Gen<Case> cases() {
        return s -> {
            double[] old = Gens.vectors(1, 6, Gens.doubles(-3, -0.5)).generate(s);
            int n = old.length;
            double[] delta = Gens.vector(n, Gens.doubles(-0.6, 0.6)).generate(s);
            double[] adv = Gens.vector(n, Gens.doubles(-2, 2)).generate(s);
            double eps = epsilons().generate(s);
            double[] nw = new double[n];
            for (int t = 0; t < n; t++) nw[t] = old[t] + delta[t];
            return new Case(nw, old, adv, eps);
        };
    }

    /** The usual clip ranges most of the time, and now and then any eps in [0.01, 0.9]. */
    static Gen<Double> epsilons() {
        return s -> s.chance(0.7) ? Gens.oneOf(0.2, 0.1, 0.3).generate(s) : Gens.doubles(0.01, 0.9).generate(s);
    }

    /** Log-probs in the decade -10..-100 or down to -1e3, with ratios between about 0.55 and 1.8 as in {@link #cases()}. */
    static Gen<Case> deepCases() {
        return s -> {
            Case c = cases().generate(s);
            double[] old = c.logProbsOld().clone(), nw = c.logProbsNew().clone();
            for (int t = 0; t < old.length; t++) {
                double shift = s.chance(0.5) ? -Math.pow(10, 1 + Gens.unit(s)) : -Math.abs(Gens.extremes().generate(s));
                old[t] += shift;
                nw[t] += shift;
            }
            return new Case(nw, old, c.advantages(), c.clipEpsilon());
        };
    }

    /** Every ratio strictly inside (1 - eps, 1 + eps). */
    static Gen<Case> insideTheClipRange() {
        return s -> {
            double eps = Gens.oneOf(0.2, 0.1, 0.3).generate(s);
            double[] old = Gens.vectors(1, 6, Gens.doubles(-3, -0.5)).generate(s);
            int n = old.length;
            double[] ratio = Gens.vector(n, Gens.doubles(1 - eps + 1e-3, 1 + eps - 1e-3)).generate(s);
            double[] adv = Gens.vector(n, Gens.doubles(-2, 2)).generate(s);
            double[] nw = new double[n];
            for (int t = 0; t < n; t++) nw[t] = old[t] + Math.log(ratio[t]);
            return new Case(nw, old, adv, eps);
        };
    }

    /**
     * Log-probs whose ratio is exactly on an edge of the clip range for eps = 0.2: with old = -0.5,
     * exp(new - old) is exactly 1.2 (resp. 0.8) in double precision, and so is exp(new) / exp(old).
     */
    static final double OLD_AT_EDGE = -0.5, NEW_AT_UPPER_EDGE = -0.3176784432060455, NEW_AT_LOWER_EDGE = -0.7231435513142097;

    /** Tokens sitting exactly on 1 + eps and 1 - eps, each with an advantage of either sign, eps = 0.2. */
    static Case onTheClipEdges() {
        return new Case(new double[] {NEW_AT_UPPER_EDGE, NEW_AT_LOWER_EDGE, NEW_AT_UPPER_EDGE, NEW_AT_LOWER_EDGE},
                new double[] {OLD_AT_EDGE, OLD_AT_EDGE, OLD_AT_EDGE, OLD_AT_EDGE},
                new double[] {1.5, -1.5, -0.5, 0.5}, 0.2);
    }

    static boolean clipBindsAgainstAdvantage(Case c, int t) {
        double r = c.ratio(t), a = c.advantages()[t], e = c.clipEpsilon();
        return (a > 0 && r > 1 + e) || (a < 0 && r < 1 - e);
    }

    static boolean nearTheClipEdge(Case c) {
        for (int t = 0; t < c.logProbsNew().length; t++) {
            double r = c.ratio(t);
            if (Math.abs(r - (1 + c.clipEpsilon())) < 1e-4 || Math.abs(r - (1 - c.clipEpsilon())) < 1e-4) return true;
        }
        return false;
    }

    static double objective(PpoClippedObjective p, Case c, double[] logProbsNew) {
        return p.objective(logProbsNew, c.logProbsOld(), c.advantages(), c.clipEpsilon());
    }

    static double[] gradient(PpoClippedObjective p, Case c) {
        double[] g = p.gradient(c.logProbsNew(), c.logProbsOld(), c.advantages(), c.clipEpsilon());
        shape("gradient", g, c.logProbsNew().length);
        return g;
    }

    private static final String OBJECTIVE_HINT = "ratio = exp(new - old); per token min(ratio * A, clip(ratio, 1 - eps, 1 + eps) * A), then the mean over the T tokens.";
    private static final String GRADIENT_HINT = "d ratio / d logp = ratio: each token gets ratio * A / T, or 0 where the clipped term wins (ratio > 1 + eps with A > 0, ratio < 1 - eps with A < 0).";

    @Override
    public Class<PpoClippedObjective> contract() { return PpoClippedObjective.class; }

    @Override
    public List<Check<PpoClippedObjective>> checks() {
        return List.of(
            Check.<PpoClippedObjective>oracle("objectiveMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                double got = pure("objective(logProbsNew, logProbsOld, advantages, clipEpsilon)",
                        () -> objective(ctx.subject(), c, c.logProbsNew()), c.logProbsNew(), c.logProbsOld(), c.advantages());
                close("objective", objective(ctx.oracle(), c, c.logProbsNew()), got);
            })).enforces("objectiveValue", "pure").hint(OBJECTIVE_HINT),

            Check.<PpoClippedObjective>oracle("gradientMatchesReference", ctx -> ctx.forAll(cases(), c ->
                close("dLogProbsNew", gradient(ctx.oracle(), c),
                        pure("gradient(logProbsNew, logProbsOld, advantages, clipEpsilon)",
                                () -> gradient(ctx.subject(), c), c.logProbsNew(), c.logProbsOld(), c.advantages()))))
                .enforces("gradientValue", "gradientClip", "pure").hint(GRADIENT_HINT),

            Check.<PpoClippedObjective>invariant("gradientIsANewArrayEachCall", ctx -> ctx.forAll(cases(), c ->
                fresh("gradient(logProbsNew, logProbsOld, advantages, clipEpsilon)",
                        () -> ctx.subject().gradient(c.logProbsNew(), c.logProbsOld(), c.advantages(), c.clipEpsilon()),
                        c.logProbsNew(), c.logProbsOld(), c.advantages())))
                .enforces("gradientNewArray")
                .hint("Allocate the gradient with new double[T] inside the call: a field reused between calls overwrites the caller's earlier result."),

            Check.<PpoClippedObjective>stability("exactForLogProbsDownToMinus1e3", ctx -> ctx.forAll(deepCases(), c -> {
                double obj = objective(ctx.subject(), c, c.logProbsNew());
                double[] g = gradient(ctx.subject(), c);
                finite("objective", obj);
                finite("gradient", g);
                close("objective", objective(ctx.oracle(), c, c.logProbsNew()), obj);
                close("gradient", gradient(ctx.oracle(), c), g);
            })).enforces("deepLogProbs")
                .hint("exp(-800) is 0 in double: exp(new) / exp(old) is 0 / 0. Take exp(new - old), the difference is small."),

            Check.<PpoClippedObjective>example("handWorkedValues", ctx -> {
                PpoClippedObjective p = ctx.subject();
                ctx.example("one token, new = old (ratio 1), A = 2, eps = 0.2", () -> {
                    close("objective", 2.0, p.objective(new double[] {-1}, new double[] {-1}, new double[] {2}, 0.2));
                    close("gradient", new double[] {2.0}, p.gradient(new double[] {-1}, new double[] {-1}, new double[] {2}, 0.2));
                });
                double up = Math.exp(0.5), down = Math.exp(-0.5);
                double[] nw = {-0.5, -1.5, -0.5, -1.5}, old = {-1, -1, -1, -1}, adv = {1, -1, -1, 1};
                ctx.example("ratios [e^0.5, e^-0.5, e^0.5, e^-0.5], A = [1, -1, -1, 1], eps = 0.2", () -> {
                    close("objective (clipped 1.2, clipped -0.8, unclipped -e^0.5, unclipped e^-0.5; mean of 4)",
                            (1.2 - 0.8 - up + down) / 4, p.objective(nw, old, adv, 0.2));
                    close("gradient (0 where the clip binds against A, ratio A / T elsewhere)",
                            new double[] {0, 0, -up / 4, down / 4}, p.gradient(nw, old, adv, 0.2));
                });
                ctx.example("log-probs -800 and -800.5 (ratio e^0.5), A = 1, eps = 0.7", () -> {
                    close("objective", up, p.objective(new double[] {-800}, new double[] {-800.5}, new double[] {1}, 0.7));
                    close("gradient", new double[] {up}, p.gradient(new double[] {-800}, new double[] {-800.5}, new double[] {1}, 0.7));
                });
            }).enforces("objectiveValue", "gradientValue", "gradientClip", "deepLogProbs")
                .hint("Work each token by hand: the min picks the clipped term only when it is the smaller one, and then the token has no gradient."),

            Check.<PpoClippedObjective>invariant("equalsRatioTimesAdvantageInsideTheClipRange", ctx -> ctx.forAll(insideTheClipRange(), c -> {
                int n = c.logProbsNew().length;
                double want = 0;
                double[] wantGrad = new double[n];
                for (int t = 0; t < n; t++) {
                    want += c.ratio(t) * c.advantages()[t] / n;
                    wantGrad[t] = c.ratio(t) * c.advantages()[t] / n;
                }
                close("objective with every ratio inside the clip range = mean(ratio * A)", want, objective(ctx.subject(), c, c.logProbsNew()));
                close("gradient inside the clip range = ratio * A / T", wantGrad, gradient(ctx.subject(), c));
            })).enforces("objectiveValue", "gradientValue").hint("Inside [1 - eps, 1 + eps] the clip does nothing and both terms of the min are ratio * A."),

            Check.<PpoClippedObjective>example("aRatioExactlyOnTheClipEdgeIsNotClipped", ctx ->
                ctx.example("eps = 0.2, ratios exactly 1.2, 0.8, 1.2, 0.8 with advantages 1.5, -1.5, -0.5, 0.5", () -> {
                    Case c = onTheClipEdges();
                    int n = c.logProbsNew().length;
                    double want = 0;
                    double[] wantGrad = new double[n];
                    for (int t = 0; t < n; t++) {
                        want += c.ratio(t) * c.advantages()[t] / n;
                        wantGrad[t] = c.ratio(t) * c.advantages()[t] / n;
                    }
                    close("objective with every ratio on an edge of the clip range = mean(ratio * A)", want, objective(ctx.subject(), c, c.logProbsNew()));
                    close("gradient on the edges of the clip range = ratio * A / T (the clip binds only strictly beyond 1 + eps or 1 - eps)",
                            wantGrad, gradient(ctx.subject(), c));
                })).enforces("objectiveValue", "gradientClip").hint("The gradient is 0 only where ratio > 1 + eps with A > 0 or ratio < 1 - eps with A < 0: strict inequalities, the edge itself keeps ratio * A / T."),

            Check.<PpoClippedObjective>invariant("gradientIsZeroWhereTheClipBindsAgainstTheAdvantage", ctx -> ctx.forAll(cases(), c -> {
                double[] g = gradient(ctx.subject(), c);
                finite("gradient", g);
                for (int t = 0; t < g.length; t++) {
                    int k = t;
                    if (clipBindsAgainstAdvantage(c, t)) {
                        that(g[t] == 0.0, () -> "token " + k + " has ratio " + c.ratio(k) + " and advantage " + c.advantages()[k]
                                + ": the clip binds, so the objective does not depend on it and its gradient must be 0; got " + g[k]);
                    }
                }
            })).enforces("gradientClip").hint("Past 1 + eps with A > 0 (or below 1 - eps with A < 0) the min picks the clipped term, which is constant: no gradient."),

            Check.<PpoClippedObjective>invariant("objectiveIsAPessimisticBound", ctx -> ctx.forAll(cases(), c -> {
                int n = c.logProbsNew().length;
                double u = 0, cl = 0;
                for (int t = 0; t < n; t++) {
                    double r = c.ratio(t), a = c.advantages()[t];
                    u += r * a / n;
                    cl += Math.max(1 - c.clipEpsilon(), Math.min(1 + c.clipEpsilon(), r)) * a / n;
                }
                double unclipped = u, clipped = cl;
                double obj = objective(ctx.subject(), c, c.logProbsNew());
                double slack = 1e-12 + 1e-9 * Math.abs(unclipped);
                that(obj <= unclipped + slack, () -> "objective " + obj + " exceeds the unclipped surrogate mean(ratio * A) = " + unclipped
                        + ": the clipped objective is a lower (pessimistic) bound, take the min");
                double slack2 = 1e-12 + 1e-9 * Math.abs(clipped);
                that(obj <= clipped + slack2, () -> "objective " + obj + " exceeds the fully clipped surrogate mean(clip(ratio) * A) = " + clipped);
            })).enforces("objectiveValue").hint("min, not max: PPO never lets the policy take credit for moving the ratio beyond the clip range."),

            Check.<PpoClippedObjective>gradcheck("gradientAgreesWithCentralDifferences", ctx -> ctx.forAll(cases().filter(c -> !nearTheClipEdge(c)), c ->
                GradCheck.check("dLogProbsNew", c.logProbsNew(), x -> objective(ctx.subject(), c, x), gradient(ctx.subject(), c))))
                .enforces("gradientValue").hint(GRADIENT_HINT),

            Check.<PpoClippedObjective>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        Case c = new Case(g.input().vec("logProbsNew"), g.input().vec("logProbsOld"),
                                g.input().vec("advantages"), g.input().num("clipEpsilon"));
                        close("objective", g.output().num("objective"), objective(ctx.subject(), c, c.logProbsNew()));
                        close("dLogProbsNew", g.output().vec("dlogProbsNew"), gradient(ctx.subject(), c), Tolerance.DEFAULT);
                    });
                }
            }).enforces("objectiveValue", "gradientValue")
                .hint("These are PyTorch's values (autograd through torch.min and torch.clamp): compare your formula on the case shown.")
        );
    }
}
