package katagym.rlhf;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.fresh;
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
            double gamma = s.chance(0.8) ? Gens.oneOf(0.9, 0.99, 1.0, 0.5).generate(s) : Gens.doubles(0, 1).generate(s);
            double lambda = s.chance(0.8) ? Gens.oneOf(0.95, 0.0, 1.0, 0.5).generate(s) : Gens.doubles(0, 1).generate(s);
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

    private static final String RECURSION_HINT = "Backwards from t = T - 1: delta_t = r_t + gamma V_{t+1} m_t - V_t, A_t = delta_t + gamma lambda m_t A_{t+1}, returns = A + V.";

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
            })).enforces("advantagesValue", "doneCuts", "returnsValue", "pure").hint(RECURSION_HINT),

            Check.<Gae>invariant("resultsAreNewArraysEachCall", ctx -> ctx.forAll(cases(), c ->
                fresh("estimate(rewards, values, dones, gamma, lambda)", () -> {
                    Gae.Result r = run(ctx.subject(), c);
                    return new Object[] {r.advantages(), r.returns()};
                }, c.rewards(), c.values(), c.dones())))
                .enforces("newArrays")
                .hint("Allocate both result arrays inside the call: fields reused between calls overwrite the caller's earlier result."),

            Check.<Gae>example("handWorkedRollouts", ctx -> {
                Gae g = ctx.subject();
                ctx.example("T = 1, rewards [1], values [0.5, 2], not done, gamma 0.9, lambda 0.95", () -> {
                    Gae.Result r = g.estimate(new double[] {1}, new double[] {0.5, 2}, new boolean[] {false}, 0.9, 0.95);
                    close("advantages (1 + 0.9 * 2 - 0.5)", new double[] {2.3}, r.advantages());
                    close("returns (A + V)", new double[] {2.8}, r.returns());
                });
                ctx.example("T = 1, rewards [1], values [0.5, 2], done at the last step", () -> {
                    Gae.Result r = g.estimate(new double[] {1}, new double[] {0.5, 2}, new boolean[] {true}, 0.9, 0.95);
                    close("advantages (1 - 0.5: no bootstrap after the episode's end)", new double[] {0.5}, r.advantages());
                });
                ctx.example("T = 3, rewards [1, 1, 1], values [0, 0, 0, 10], dones [false, true, false], gamma 0.5, lambda 1", () -> {
                    Gae.Result r = g.estimate(new double[] {1, 1, 1}, new double[] {0, 0, 0, 10}, new boolean[] {false, true, false}, 0.5, 1.0);
                    close("advantages (step 2 bootstraps 0.5 * 10; step 1 ends the episode; step 0 carries step 1 only)",
                            new double[] {1.5, 1, 6}, r.advantages());
                });
                ctx.example("T = 3, rewards [1, 2, 3], values [0, 0, 0, 0], dones [true, true, true], gamma 0.9, lambda 0.95", () ->
                    close("advantages (every step its own episode: A = r)", new double[] {1, 2, 3},
                            g.estimate(new double[] {1, 2, 3}, new double[4], new boolean[] {true, true, true}, 0.9, 0.95).advantages()));
            }).enforces("advantagesValue", "doneCuts", "returnsValue")
                .hint("Loop t from T - 1 down to 0; dones[t] (the last step's included) zeroes both gamma * V_{t+1} and the carried A_{t+1}."),

            Check.<Gae>invariant("lambdaZeroGivesOneStepTdErrors", ctx -> ctx.forAll(cases(), c0 -> {
                Case c = c0.with(0.0);
                int n = c.rewards().length;
                double[] td = new double[n];
                for (int t = 0; t < n; t++) {
                    td[t] = c.rewards()[t] + (c.dones()[t] ? 0 : c.gamma() * c.values()[t + 1]) - c.values()[t];
                }
                close("advantages with lambda = 0 (the TD errors r_t + gamma V_{t+1} (1 - done_t) - V_t)", td, run(ctx.subject(), c).advantages(), SUMS);
            })).enforces("advantagesValue", "doneCuts").hint("delta_t = r_t + gamma * V_{t+1} * (1 - done_t) - V_t: gamma discounts the next value; lambda only weights how far the sum of deltas reaches."),

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
            })).enforces("advantagesValue", "doneCuts").hint("With lambda = 1 the deltas telescope: A_t = r_t + gamma r_{t+1} + ... + gamma^k V_{t+k} - V_t, cut at the first episode end."),

            Check.<Gae>invariant("returnsAreAdvantagesPlusValues", ctx -> ctx.forAll(cases(), c -> {
                Gae.Result res = run(ctx.subject(), c);
                finite("advantages", res.advantages());
                double[] want = new double[c.rewards().length];
                for (int t = 0; t < want.length; t++) want[t] = res.advantages()[t] + c.values()[t];
                close("returns (advantages[t] + values[t])", want, res.returns(), SUMS);
            })).enforces("returnsValue").hint("The value target is A_t + V(s_t), the state's own value, not the next one's."),

            Check.<Gae>invariant("anEpisodeEndStopsBootstrapping", ctx -> ctx.forAll(afterTheEnd(), a -> {
                Case c = a.c();
                Case changed = new Case(a.otherRewards(), a.otherValues(), c.dones(), c.gamma(), c.lambda());
                double[] before = run(ctx.subject(), c).advantages();
                double[] after = run(ctx.subject(), changed).advantages();
                int k = a.end() + 1;
                close("advantages up to the episode end at step " + a.end() + " after changing the rewards and values beyond it",
                        Arrays.copyOf(before, k), Arrays.copyOf(after, k), SUMS);
            })).enforces("doneCuts").hint("done_t = 1 zeroes both the bootstrap gamma * V_{t+1} and the carry gamma * lambda * A_{t+1}: nothing after the end leaks back."),

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
            }).enforces("advantagesValue", "doneCuts", "returnsValue")
                .hint("These are the values of the usual PyTorch GAE loop: compare your recursion step by step on the case shown.")
        );
    }
}
