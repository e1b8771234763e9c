package katagym.rlhf;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.fresh;
import static katagym.rlhf.RlhfSpecSupport.RELATIVE;
import static katagym.rlhf.RlhfSpecSupport.minusLogSigmoid;
import static katagym.rlhf.RlhfSpecSupport.sigmoid;
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

public final class RewardModelLossSpec implements KataSpec<RewardModelLoss> {

    /** The rewards of K responses ranked best first, and a constant to add to all of them. */
    record Case(double[] rewards, double shift) {}

    static Gen<Case> cases(Gen<Double> values) {
        return s -> {
            double[] r = Gens.vectors(2, 6, values).generate(s);
            double shift = Gens.doubles(-50, 50).generate(s);
            return new Case(r, shift);
        };
    }

    /** Rewards sorted so that they agree with the ranking (strictly decreasing). */
    static Gen<double[]> agreeing() {
        return s -> {
            double[] r = Gens.vectors(2, 6, Gens.doubles(0.01, 5)).generate(s); // gaps
            double[] out = new double[r.length];
            double v = Gens.doubles(-5, 5).generate(s);
            for (int i = 0; i < r.length; i++) { out[i] = v; v -= r[i]; }
            return out;
        };
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }

    static double[] shifted(double[] v, double c) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] + c;
        return out;
    }

    private static final String LOSS_HINT = "Average -log sigmoid(r_i - r_j) over every pair i < j, i the winner, and divide by K(K-1)/2.";
    private static final String GRADIENT_HINT = "Each pair i < j adds -sigmoid(r_j - r_i) / C to dr_i and +sigmoid(r_j - r_i) / C to dr_j (C = K(K-1)/2).";

    @Override
    public Class<RewardModelLoss> contract() { return RewardModelLoss.class; }

    @Override
    public List<Check<RewardModelLoss>> checks() {
        return List.of(
            Check.<RewardModelLoss>oracle("lossMatchesReference", ctx -> ctx.forAll(cases(Gens.doubles()), c -> {
                double got = pure("loss(rewards)", () -> ctx.subject().loss(c.rewards()), c.rewards());
                close("loss", ctx.oracle().loss(c.rewards()), got);
            })).enforces("lossValue", "pure").hint(LOSS_HINT),

            Check.<RewardModelLoss>oracle("gradientMatchesReference", ctx -> ctx.forAll(cases(Gens.doubles()), c ->
                close("dRewards", ctx.oracle().gradient(c.rewards()),
                        pure("gradient(rewards)", () -> ctx.subject().gradient(c.rewards()), c.rewards()))))
                .enforces("gradientValue", "pure").hint(GRADIENT_HINT),

            Check.<RewardModelLoss>invariant("gradientIsANewArrayEachCall", ctx -> ctx.forAll(cases(Gens.doubles()), c ->
                fresh("gradient(rewards)", () -> ctx.subject().gradient(c.rewards()), c.rewards())))
                .enforces("gradientNewArray")
                .hint("Allocate the gradient with new double[K] inside the call: a field reused between calls overwrites the caller's earlier result."),

            Check.<RewardModelLoss>example("handWorkedValues", ctx -> {
                RewardModelLoss m = ctx.subject();
                ctx.example("rewards = [2, 0, 1] (the statement's example)", () -> {
                    close("loss([2, 0, 1])", (minusLogSigmoid(2) + minusLogSigmoid(1) + minusLogSigmoid(-1)) / 3, m.loss(new double[] {2, 0, 1}));
                    close("gradient([2, 0, 1])", new double[] {-(sigmoid(-2) + sigmoid(-1)) / 3, (sigmoid(-2) - sigmoid(1)) / 3, (sigmoid(-1) + sigmoid(1)) / 3},
                            m.gradient(new double[] {2, 0, 1}));
                });
                ctx.example("rewards = [3, 3] (a tie: probability 1/2)", () -> {
                    close("loss([3, 3]) = log 2", Math.log(2), m.loss(new double[] {3, 3}));
                    close("gradient([3, 3])", new double[] {-0.5, 0.5}, m.gradient(new double[] {3, 3}));
                });
                ctx.example("rewards = [0, 1000] (badly wrong) and [1000, 0] (right)", () -> {
                    close("loss([0, 1000])", 1000.0, m.loss(new double[] {0, 1000}));
                    close("gradient([0, 1000])", new double[] {-1, 1}, m.gradient(new double[] {0, 1000}));
                    close("loss([1000, 0])", 0.0, m.loss(new double[] {1000, 0}));
                });
                ctx.example("rewards = [40, 0] and [70, 5, 0] (right by gaps of 5..70: tiny losses, not 0)", () -> {
                    close("loss([40, 0]) = log1p(e^-40)", minusLogSigmoid(40), m.loss(new double[] {40, 0}), RELATIVE);
                    close("gradient([40, 0])", new double[] {-sigmoid(-40), sigmoid(-40)}, m.gradient(new double[] {40, 0}), RELATIVE);
                    close("loss([70, 5, 0])", (minusLogSigmoid(65) + minusLogSigmoid(70) + minusLogSigmoid(5)) / 3,
                            m.loss(new double[] {70, 5, 0}), RELATIVE);
                });
            }).enforces("lossValue", "gradientValue", "lossStable", "gradientStable")
                .hint("A tie gives log 2 and a gradient of -/+ 1/2; a gap of 40 in the right order gives e^-40, not 0: use log1p(exp(-|d|)), never log(1 + exp(...))."),

            Check.<RewardModelLoss>invariant("twoResponsesGiveMinusLogSigmoidOfTheGap", ctx -> ctx.forAll(
                    s -> Gens.vector(2, Gens.doubles(-20, 20)).generate(s), r -> {
                double want = minusLogSigmoid(r[0] - r[1]);
                close("loss([winner, loser]) = -log sigmoid(winner - loser)", want, ctx.subject().loss(r));
            })).enforces("lossValue").hint("rewards[0] is the preferred response: the loss is small when rewards[0] > rewards[1]."),

            Check.<RewardModelLoss>invariant("lossIsTheMeanOfItsPairLosses", ctx -> ctx.forAll(cases(Gens.doubles(-8, 8)), c -> {
                double[] r = c.rewards();
                double total = 0;
                int pairs = 0;
                for (int i = 0; i < r.length; i++) {
                    for (int j = i + 1; j < r.length; j++) {
                        total += ctx.subject().loss(new double[] {r[i], r[j]});
                        pairs++;
                    }
                }
                close("loss(rewards) vs the mean of loss([r_i, r_j]) over all " + pairs + " pairs i < j",
                        total / pairs, ctx.subject().loss(r));
            })).enforces("lossValue").hint("Every pair i < j counts once, not only neighbours, and the sum is divided by C(K,2) so that K does not scale the loss."),

            Check.<RewardModelLoss>invariant("nonNegativeShiftInvariantAndGradientSumsToZero", ctx -> ctx.forAll(cases(Gens.doubles(-10, 10)), c -> {
                double l = ctx.subject().loss(c.rewards());
                that(l >= 0, () -> "loss " + l + " is negative: -log of a probability never is");
                double[] moved = shifted(c.rewards(), c.shift());
                Tolerance tol = Tolerance.of(1e-9, 1e-11);
                close("loss after adding " + c.shift() + " to every reward", l, ctx.subject().loss(moved), tol);
                double[] g = ctx.subject().gradient(c.rewards());
                shape("dRewards", g, c.rewards().length);
                close("sum of dRewards", 0.0, sum(g), tol);
                close("dRewards after the shift", g, ctx.subject().gradient(moved), tol);
            })).enforces("lossValue", "gradientValue")
                .hint("Only reward differences enter the loss: adding a constant to every reward changes nothing, and the gradient entries cancel."),

            Check.<RewardModelLoss>invariant("aRankingTheRewardsAgreeWithBeatsACoinFlip", ctx -> ctx.forAll(agreeing(), r -> {
                double l = ctx.subject().loss(r);
                that(l < Math.log(2), () -> "rewards agree with the ranking, so every pair's probability exceeds 1/2 and the loss must be below log 2; got " + l);
                double[] g = ctx.subject().gradient(r);
                shape("dRewards", g, r.length);
                that(g[0] < 0, () -> "dRewards[0] = " + g[0] + ": descending the loss must raise the best response's reward (gradient < 0)");
                that(g[r.length - 1] > 0, () -> "dRewards[K-1] = " + g[r.length - 1] + ": descending the loss must lower the worst response's reward (gradient > 0)");
                double[] reversed = new double[r.length];
                for (int i = 0; i < r.length; i++) reversed[i] = r[r.length - 1 - i];
                double lr = ctx.subject().loss(reversed);
                that(lr > Math.log(2), () -> "rewards reversed against the ranking must give a loss above log 2; got " + lr);
            })).enforces("lossValue", "gradientValue")
                .hint("rewards[0] is the best response: rewards in that order must give a loss below log 2 and a gradient that raises the best reward."),

            Check.<RewardModelLoss>gradcheck("gradientAgreesWithCentralDifferences", ctx -> ctx.forAll(cases(Gens.doubles(-5, 5)), c ->
                GradCheck.check("dRewards", c.rewards(), x -> ctx.subject().loss(x), ctx.subject().gradient(c.rewards()))))
                .enforces("gradientValue").hint(GRADIENT_HINT),

            Check.<RewardModelLoss>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[] r = g.input().vec("rewards");
                        close("loss", g.output().num("loss"), ctx.subject().loss(r));
                        close("dRewards", g.output().vec("drewards"), ctx.subject().gradient(r));
                    });
                }
            }).enforces("lossValue", "gradientValue")
                .hint("These are PyTorch's values: compare your pair loop and its sign with the definition on the case shown."),

            Check.<RewardModelLoss>stability("finiteAndExactForRewardGapsUpTo1e3", ctx -> ctx.forAll(cases(Gens.logits()), c -> {
                double l = ctx.subject().loss(c.rewards());
                double[] g = ctx.subject().gradient(c.rewards());
                finite("loss", l);
                finite("dRewards", g);
                that(l >= 0, () -> "loss " + l + " is negative");
                if (c.rewards().length == 2) {
                    close("loss([winner, loser])", minusLogSigmoid(c.rewards()[0] - c.rewards()[1]), l, RELATIVE);
                    double p = sigmoid(c.rewards()[1] - c.rewards()[0]);
                    close("dRewards of [winner, loser] (-/+ sigmoid(loser - winner))", new double[] {-p, p}, g, RELATIVE);
                }
                // every pair loss is positive, so the mean is accurate relatively: no flush to zero
                close("loss", ctx.oracle().loss(c.rewards()), l, RELATIVE);
                close("dRewards", ctx.oracle().gradient(c.rewards()), g);
            })).enforces("lossStable", "gradientStable").hint("-log sigmoid(d) = softplus(-d) = max(-d, 0) + log1p(exp(-|d|)): exp never sees a positive argument.")
        );
    }
}
