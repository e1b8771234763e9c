package katagym.rlhf;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;

import java.util.Arrays;
import java.util.List;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class GaeSpec implements KataSpec<Gae> {

    /** A rollout of T steps: T rewards, T + 1 values, T episode-end flags, and the two discounts. */
    record Case(double[] rewards, double[] values, boolean[] dones, double gamma, double lambda) {
        Case with(double newLambda) { return new Case(rewards, values, dones, gamma, newLambda); }
    }

    static Gen<Case> cases() {
        return s -> {
            double[] r = Gens.vectors(1, 6, Gens.doubles(-3, 3)).generate(s);
            int n = r.length;
            double[] v = Gens.vector(n + 1, Gens.doubles(-3, 3)).generate(s);
            boolean[] d = new boolean[n];
            for (int t = 0; t < n; t++) d[t] = s.chance(0.25);
            double gamma = Gens.oneOf(0.9, 0.99, 1.0, 0.5).generate(s);
            double lambda = Gens.oneOf(0.95, 0.0, 1.0, 0.5).generate(s);
            return new Case(r, v, d, gamma, lambda);
        };
    }

    /** A rollout with a forced episode end at {@code end}, and new values/rewards for every step after it. */
    record AfterTheEnd(Case c, int end, double[] otherValues, double[] otherRewards) {}

    static Gen<AfterTheEnd> afterTheEnd() {
        return s -> {
            Case c = cases().generate(s);
            int n = c.rewards().length;
            int end = s.intBetween(0, n - 1);
            boolean[] d = c.dones().clone();
            d[end] = true;
            double[] v = c.values().clone();
            for (int t = end + 1; t <= n; t++) v[t] = Gens.doubles(-10, 10).generate(s);
            double[] r = c.rewards().clone();
            for (int t = end + 1; t < n; t++) r[t] = Gens.doubles(-10, 10).generate(s);
            return new AfterTheEnd(new Case(c.rewards(), c.values(), d, c.gamma(), c.lambda()), end, v, r);
        };
    }

    static Gae.Result run(Gae g, Case c) {
        Gae.Result res = g.estimate(c.rewards(), c.values(), c.dones(), c.gamma(), c.lambda());
        that(res != null, "estimate returned null");
        shape("advantages", res.advantages(), c.rewards().length);
        shape("returns", res.returns(), c.rewards().length);
        return res;
    }

    /** Sums of a handful of values of magnitude <= 10 lose a few ulps. */
    static final Tolerance SUMS = Tolerance.of(1e-9, 1e-11);

    @Override
    public Class<Gae> contract() { return Gae.class; }

    @Override
    public List<Check<Gae>> checks() {
        return List.of(
            Check.<Gae>oracle("estimateMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                Gae.Result want = run(ctx.oracle(), c);
                Gae.Result got = pure("estimate(rewards, values, dones, gamma, lambda)", () -> run(ctx.subject(), c),
                        c.rewards(), c.values(), c.dones());
                close("advantages", want.advantages(), got.advantages());
                close("returns", want.returns(), got.returns());
            })),

            Check.<Gae>invariant("lambdaZeroGivesOneStepTdErrors", ctx -> ctx.forAll(cases(), c0 -> {
                Case c = c0.with(0.0);
                int n = c.rewards().length;
                double[] td = new double[n];
                for (int t = 0; t < n; t++) {
                    td[t] = c.rewards()[t] + (c.dones()[t] ? 0 : c.gamma() * c.values()[t + 1]) - c.values()[t];
                }
                close("advantages with lambda = 0 (the TD errors r_t + gamma V_{t+1} (1 - done_t) - V_t)", td, run(ctx.subject(), c).advantages(), SUMS);
            })).hint("delta_t = r_t + gamma * V_{t+1} * (1 - done_t) - V_t: gamma discounts the next value; lambda only weights how far the sum of deltas reaches."),

            Check.<Gae>invariant("lambdaOneGivesTheDiscountedReturnMinusTheValue", ctx -> ctx.forAll(cases(), c0 -> {
                Case c = c0.with(1.0);
                int n = c.rewards().length;
                double[] want = new double[n];
                double g = c.values()[n]; // bootstrap after the last step
                for (int t = n - 1; t >= 0; t--) {
                    g = c.rewards()[t] + (c.dones()[t] ? 0 : c.gamma() * g);
                    want[t] = g - c.values()[t];
                }
                close("advantages with lambda = 1 (bootstrapped discounted return minus V_t)", want, run(ctx.subject(), c).advantages(), SUMS);
            })).hint("With lambda = 1 the deltas telescope: A_t = r_t + gamma r_{t+1} + ... + gamma^k V_{t+k} - V_t, cut at the first episode end."),

            Check.<Gae>invariant("returnsAreAdvantagesPlusValues", ctx -> ctx.forAll(cases(), c -> {
                Gae.Result res = run(ctx.subject(), c);
                finite("advantages", res.advantages());
                double[] want = new double[c.rewards().length];
                for (int t = 0; t < want.length; t++) want[t] = res.advantages()[t] + c.values()[t];
                close("returns (advantages[t] + values[t])", want, res.returns(), SUMS);
            })),

            Check.<Gae>invariant("anEpisodeEndStopsBootstrapping", ctx -> ctx.forAll(afterTheEnd(), a -> {
                Case c = a.c();
                Case changed = new Case(a.otherRewards(), a.otherValues(), c.dones(), c.gamma(), c.lambda());
                double[] before = run(ctx.subject(), c).advantages();
                double[] after = run(ctx.subject(), changed).advantages();
                int k = a.end() + 1;
                close("advantages up to the episode end at step " + a.end() + " after changing the rewards and values beyond it",
                        Arrays.copyOf(before, k), Arrays.copyOf(after, k), SUMS);
            })).hint("done_t = 1 zeroes both the bootstrap gamma * V_{t+1} and the carry gamma * lambda * A_{t+1}: nothing after the end leaks back."),

            Check.<Gae>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[] d = g.input().vec("dones");
                        boolean[] dones = new boolean[d.length];
                        for (int t = 0; t < d.length; t++) dones[t] = d[t] != 0;
                        Case c = new Case(g.input().vec("rewards"), g.input().vec("values"), dones,
                                g.input().num("gamma"), g.input().num("lambda"));
                        Gae.Result res = run(ctx.subject(), c);
                        close("advantages", g.output().vec("advantages"), res.advantages());
                        close("returns", g.output().vec("returns"), res.returns());
                    });
                }
            })
        );
    }
}
