package katagym.rlhf;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.Checks;
import katagym.grader.check.GradCheck;
import katagym.grader.check.Tensors;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class GrpoObjectiveSpec implements KataSpec<GrpoObjective> {

    /** One group: rewards, per-token log-probs (rows may differ in length), clip range and KL weight. */
    record Case(double[] rewards, double[][] logProbsNew, double[][] logProbsOld, double[][] logProbsRef,
                double clipEpsilon, double beta) {
        Case withNew(double[][] nw) { return new Case(rewards, nw, logProbsOld, logProbsRef, clipEpsilon, beta); }
        Case withRewards(double[] r) { return new Case(r, logProbsNew, logProbsOld, logProbsRef, clipEpsilon, beta); }
        Case withRef(double[][] ref) { return new Case(rewards, logProbsNew, logProbsOld, ref, clipEpsilon, beta); }
        Case withBeta(double b) { return new Case(rewards, logProbsNew, logProbsOld, logProbsRef, clipEpsilon, b); }
    }

    static Gen<Case> cases(Gen<double[]> rewardsGen) {
        return s -> {
            double[] rewards = rewardsGen.generate(s);
            int g = rewards.length;
            double[][] nw = new double[g][], old = new double[g][], ref = new double[g][];
            for (int i = 0; i < g; i++) {
                old[i] = Gens.vectors(1, 4, Gens.doubles(-3, -0.5)).generate(s);
                int n = old[i].length;
                nw[i] = new double[n];
                ref[i] = new double[n];
                for (int t = 0; t < n; t++) {
                    nw[i][t] = old[i][t] + Gens.doubles(-0.5, 0.5).generate(s);
                    ref[i][t] = nw[i][t] + Gens.doubles(-1, 1).generate(s);
                }
            }
            double eps = Gens.oneOf(0.2, 0.1, 0.3).generate(s);
            double beta = Gens.oneOf(0.04, 0.0, 0.1, 0.5).generate(s);
            return new Case(rewards, nw, old, ref, eps, beta);
        };
    }

    /** Groups of 1 to 5 rewards (a single response included). */
    static Gen<double[]> anyRewards() {
        return Gens.vectors(1, 5, Gens.doubles(-2, 2));
    }

    /** Rewards that are not all equal (spread >= 0.1), so the standard deviation is far above 1e-8. */
    static Gen<double[]> spreadRewards() {
        return anyRewards().filter(r -> {
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (double x : r) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
            return hi - lo >= 0.1;
        });
    }

    /** G copies of one multiple of 1/8: the mean is computed exactly, so the advantages must be exactly 0. */
    static Gen<double[]> equalRewards() {
        return s -> {
            int g = s.intBetween(2, 5);
            double v = s.intBetween(-16, 16) / 8.0;
            double[] r = new double[g];
            java.util.Arrays.fill(r, v);
            return r;
        };
    }

    static Gen<Case> cases() { return cases(anyRewards()); }

    /** Rewards with spread >= 0.1 and the same rewards plus one million (the sums are exact: the shift is undone exactly). */
    record Shifted(double[] rewards, double[] shifted) {}

    static final double OFFSET = 1e6;

    static Gen<Shifted> shiftedRewards() {
        return s -> {
            double[] r = spreadRewards().generate(s);
            double[] up = new double[r.length], back = new double[r.length];
            for (int i = 0; i < r.length; i++) {
                up[i] = r[i] + OFFSET;
                back[i] = up[i] - OFFSET; // exact: only the bits that survived the shift remain
            }
            return new Shifted(back, up);
        };
    }

    /**
     * Log-probs whose ratio is exactly on an edge of the clip range for eps = 0.2: with old = -0.5,
     * exp(new - old) is exactly 1.2 (resp. 0.8) in double precision, and so is exp(new) / exp(old).
     */
    static final double OLD_AT_EDGE = -0.5, NEW_AT_UPPER_EDGE = -0.3176784432060455, NEW_AT_LOWER_EDGE = -0.7231435513142097;

    /**
     * Rewards 1 and 0 (A = +-0.5 / (0.5 + 1e-8)), eps = 0.2, beta = 0: the positive response has its
     * tokens at ratio 1.2 and 0.8, the negative one at 0.8 and 1.2, every one exactly on an edge.
     */
    static Case onTheClipEdges() {
        double[][] nw = {{NEW_AT_UPPER_EDGE, NEW_AT_LOWER_EDGE}, {NEW_AT_LOWER_EDGE, NEW_AT_UPPER_EDGE}};
        double[][] old = {{OLD_AT_EDGE, OLD_AT_EDGE}, {OLD_AT_EDGE, OLD_AT_EDGE}};
        return new Case(new double[] {1, 0}, nw, old, new double[][] {nw[0].clone(), nw[1].clone()}, 0.2, 0.0);
    }

    static boolean nearTheClipEdge(Case c) {
        for (int i = 0; i < c.logProbsNew().length; i++) {
            for (int t = 0; t < c.logProbsNew()[i].length; t++) {
                double r = Math.exp(c.logProbsNew()[i][t] - c.logProbsOld()[i][t]);
                if (Math.abs(r - (1 + c.clipEpsilon())) < 1e-4 || Math.abs(r - (1 - c.clipEpsilon())) < 1e-4) return true;
            }
        }
        return false;
    }

    static double objective(GrpoObjective o, Case c) {
        return o.objective(c.rewards(), c.logProbsNew(), c.logProbsOld(), c.logProbsRef(), c.clipEpsilon(), c.beta());
    }

    static double[][] gradient(GrpoObjective o, Case c) {
        double[][] g = o.gradient(c.rewards(), c.logProbsNew(), c.logProbsOld(), c.logProbsRef(), c.clipEpsilon(), c.beta());
        that(g != null, "gradient returned null");
        that(g.length == c.logProbsNew().length, () -> "gradient has " + g.length + " rows, expected " + c.logProbsNew().length + " (one per response)");
        for (int i = 0; i < g.length; i++) Checks.shape("gradient[" + i + "]", g[i], c.logProbsNew()[i].length);
        return g;
    }

    static double[][] unflatten(double[] flat, double[][] like) {
        double[][] out = new double[like.length][];
        int k = 0;
        for (int i = 0; i < like.length; i++) {
            out[i] = new double[like[i].length];
            for (int t = 0; t < out[i].length; t++) out[i][t] = flat[k++];
        }
        return out;
    }

    /** The k3 penalty alone, averaged per response then over the group: what is left when every A_i = 0. */
    static double meanK3(Case c) {
        double total = 0;
        for (int i = 0; i < c.logProbsNew().length; i++) {
            double seq = 0;
            for (int t = 0; t < c.logProbsNew()[i].length; t++) {
                double d = c.logProbsRef()[i][t] - c.logProbsNew()[i][t];
                seq += Math.exp(d) - d - 1;
            }
            total += seq / c.logProbsNew()[i].length;
        }
        return total / c.logProbsNew().length;
    }

    /** Every token of response {@code which} listed twice: that response's per-token mean is unchanged. */
    static Case doubled(Case c, int which) {
        return new Case(c.rewards(), twice(c.logProbsNew(), which), twice(c.logProbsOld(), which),
                twice(c.logProbsRef(), which), c.clipEpsilon(), c.beta());
    }

    private static double[][] twice(double[][] m, int which) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            if (i != which) { out[i] = m[i].clone(); continue; }
            out[i] = new double[2 * m[i].length];
            System.arraycopy(m[i], 0, out[i], 0, m[i].length);
            System.arraycopy(m[i], 0, out[i], m[i].length, m[i].length);
        }
        return out;
    }

    /** A group and the response whose tokens get listed twice. */
    record Doubling(Case c, int which) {}

    static Gen<Doubling> doublings() {
        return s -> {
            Case c = cases().generate(s);
            return new Doubling(c, s.intBetween(0, c.rewards().length - 1));
        };
    }

    static final Tolerance SUMS = Tolerance.of(1e-9, 1e-11);

    private static final String ADVANTAGES_HINT = "A_i = (r_i - mean) / (std + 1e-8) with the population std sqrt(sum (r - mean)^2 / G).";
    private static final String OBJECTIVE_HINT = "Per token: min(ratio A_i, clip(ratio) A_i) - beta (exp(d) - d - 1), d = ref - new; mean over the response's tokens, then over the group.";
    private static final String GRADIENT_HINT = "Per token (ratio A_i, or 0 where the clip binds against A_i) minus beta (1 - exp(ref - new)), all divided by G * T_i.";

    @Override
    public Class<GrpoObjective> contract() { return GrpoObjective.class; }

    @Override
    public List<Check<GrpoObjective>> checks() {
        return List.of(
            Check.<GrpoObjective>oracle("advantagesMatchReference", ctx -> ctx.forAll(anyRewards(), r ->
                close("advantages", ctx.oracle().advantages(r), pure("advantages(rewards)", () -> ctx.subject().advantages(r), r))))
                .enforces("advantagesValue", "pure").hint(ADVANTAGES_HINT),

            Check.<GrpoObjective>invariant("resultsAreNewArraysEachCall", ctx -> ctx.forAll(cases(), c -> {
                fresh("advantages(rewards)", () -> ctx.subject().advantages(c.rewards()), c.rewards());
                fresh("gradient(rewards, logProbsNew, logProbsOld, logProbsRef, clipEpsilon, beta)", () -> gradient(ctx.subject(), c),
                        c.rewards(), c.logProbsNew(), c.logProbsOld(), c.logProbsRef());
            })).enforces("newArrays")
                .hint("Allocate the advantages and every gradient row inside the call: a field reused between calls overwrites the caller's earlier result."),

            Check.<GrpoObjective>example("handWorkedGroups", ctx -> {
                GrpoObjective o = ctx.subject();
                ctx.example("rewards [1, 2, 3, 4] (population std sqrt(1.25), not the sample std sqrt(5/3))", () -> {
                    double sd = Math.sqrt(1.25) + GrpoObjective.STD_EPSILON;
                    close("advantages", new double[] {-1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd}, o.advantages(new double[] {1, 2, 3, 4}));
                });
                ctx.example("rewards [0.7] (a group of one response)", () ->
                    close("advantages", new double[] {0.0}, o.advantages(new double[] {0.7})));
                ctx.example("rewards [1, 1, 1] (all equal: no signal, no 0 / 0)", () ->
                    close("advantages", new double[3], o.advantages(new double[] {1, 1, 1})));
                ctx.example("rewards [1, 0], one token each at ratio 1 with ref = new, eps 0.2, beta 0.1", () -> {
                    double a = 0.5 / (0.5 + GrpoObjective.STD_EPSILON);
                    double[][] nw = {{-1}, {-2}}, old = {{-1}, {-2}}, ref = {{-1}, {-2}};
                    close("objective (mean of A_i = 0)", 0.0, o.objective(new double[] {1, 0}, nw, old, ref, 0.2, 0.1));
                    close("gradient (A_i / G; k3's gradient is 0 at ref = new)", new double[][] {{a / 2}, {-a / 2}},
                            o.gradient(new double[] {1, 0}, nw, old, ref, 0.2, 0.1));
                });
            }).enforces("advantagesValue", "objectiveValue", "gradientValue")
                .hint("Divide the squared deviations by G (population std), add 1e-8 to the std, and let a group of equal rewards give 0."),

            Check.<GrpoObjective>oracle("objectiveMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                double got = pure("objective(rewards, logProbsNew, logProbsOld, logProbsRef, clipEpsilon, beta)",
                        () -> objective(ctx.subject(), c), c.rewards(), c.logProbsNew(), c.logProbsOld(), c.logProbsRef());
                close("objective", objective(ctx.oracle(), c), got);
            })).enforces("objectiveValue", "pure").hint(OBJECTIVE_HINT),

            Check.<GrpoObjective>oracle("gradientMatchesReference", ctx -> ctx.forAll(cases(), c ->
                close("dLogProbsNew", gradient(ctx.oracle(), c),
                        pure("gradient(rewards, logProbsNew, logProbsOld, logProbsRef, clipEpsilon, beta)",
                                () -> gradient(ctx.subject(), c), c.rewards(), c.logProbsNew(), c.logProbsOld(), c.logProbsRef()))))
                .enforces("gradientValue", "gradientClip", "pure").hint(GRADIENT_HINT),

            Check.<GrpoObjective>invariant("equalRewardsGiveZeroAdvantages", ctx -> ctx.forAll(cases(equalRewards()), c -> {
                double[] a = ctx.subject().advantages(c.rewards());
                close("advantages of a group whose rewards are all " + c.rewards()[0], new double[c.rewards().length], a);
                close("objective with zero advantages (only the k3 KL penalty is left: -beta * mean k3)",
                        -c.beta() * meanK3(c), objective(ctx.subject(), c), SUMS);
                Case noKl = c.withBeta(0);
                close("objective with zero advantages and beta = 0", 0.0, objective(ctx.subject(), noKl));
                double[][] g = gradient(ctx.subject(), noKl);
                double[][] zeros = new double[g.length][];
                for (int i = 0; i < g.length; i++) zeros[i] = new double[g[i].length];
                close("gradient with zero advantages and beta = 0", zeros, g);
            })).enforces("advantagesValue", "objectiveValue", "gradientValue").hint("A group that is all right (or all wrong) carries no signal: (r - mean) is 0, and the epsilon keeps 0 / 0 away."),

            Check.<GrpoObjective>invariant("advantagesHaveMeanZeroAndPopulationStdOne", ctx -> ctx.forAll(spreadRewards(), r -> {
                double[] a = ctx.subject().advantages(r);
                Checks.shape("advantages", a, r.length);
                double mean = 0;
                for (double x : a) mean += x / a.length;
                double var = 0;
                for (double x : a) var += (x - mean) * (x - mean) / a.length;
                close("mean of the advantages", 0.0, mean, Tolerance.of(0, 1e-9));
                close("population standard deviation of the advantages", 1.0, Math.sqrt(var), Tolerance.of(1e-6, 0));
            })).enforces("advantagesValue").hint("Population standard deviation: sqrt(sum (r - mean)^2 / G), not / (G - 1)."),

            Check.<GrpoObjective>invariant("klPenaltyIsNonNegativeAndVanishesAtTheReference", ctx -> ctx.forAll(cases(), c -> {
                double withKl = objective(ctx.subject(), c);
                double without = objective(ctx.subject(), c.withBeta(0));
                finite("objective", withKl);
                that(withKl <= without + 1e-12, () -> "objective with beta = " + c.beta() + " is " + withKl + ", above the objective with beta = 0 ("
                        + without + "): the k3 estimate exp(d) - d - 1 is never negative, so the penalty can only lower the objective");
                Case atRef = c.withRef(c.logProbsNew());
                close("objective with the reference equal to the policy (no KL) vs beta = 0", without, objective(ctx.subject(), atRef), SUMS);
            })).enforces("objectiveValue").hint("k3 = exp(ref - new) - (ref - new) - 1 >= 0 for every token, unlike k1 = new - ref."),

            Check.<GrpoObjective>invariant("clippedSurrogateIsAPessimisticBound", ctx -> ctx.forAll(cases(), c0 -> {
                Case c = c0.withBeta(0);
                double[] a = ctx.subject().advantages(c.rewards());
                Checks.shape("advantages", a, c.rewards().length);
                double unclipped = 0;
                for (int i = 0; i < a.length; i++) {
                    double seq = 0;
                    for (int t = 0; t < c.logProbsNew()[i].length; t++) seq += Math.exp(c.logProbsNew()[i][t] - c.logProbsOld()[i][t]) * a[i];
                    unclipped += seq / c.logProbsNew()[i].length / a.length;
                }
                double obj = objective(ctx.subject(), c);
                double bound = unclipped;
                that(obj <= bound + 1e-12 + 1e-9 * Math.abs(bound), () -> "objective with beta = 0 is " + obj
                        + ", above the unclipped surrogate (mean of ratio * A_i) = " + bound + ": the clipped surrogate takes the min");
            })).enforces("objectiveValue").hint("min, not max, of the unclipped and the clipped term, exactly as in PPO."),

            Check.<GrpoObjective>example("aRatioExactlyOnTheClipEdgeIsNotClipped", ctx ->
                ctx.example("rewards [1, 0], eps = 0.2, beta = 0, ratios [[1.2, 0.8], [0.8, 1.2]] exactly", () -> {
                    Case c = onTheClipEdges();
                    double a = 0.5 / (0.5 + GrpoObjective.STD_EPSILON);
                    double[] adv = {a, -a};
                    double want = 0;
                    double[][] wantGrad = new double[2][2];
                    for (int i = 0; i < 2; i++) {
                        for (int t = 0; t < 2; t++) {
                            double ratio = Math.exp(c.logProbsNew()[i][t] - c.logProbsOld()[i][t]);
                            want += ratio * adv[i] / 2 / 2;
                            wantGrad[i][t] = ratio * adv[i] / (2 * 2);
                        }
                    }
                    close("objective with every ratio on an edge of the clip range (the unclipped surrogate)", want, objective(ctx.subject(), c));
                    close("gradient on the edges of the clip range = ratio * A_i / (G * T_i) (the clip binds only strictly beyond 1 + eps or 1 - eps)",
                            wantGrad, gradient(ctx.subject(), c));
                })).enforces("objectiveValue", "gradientClip").hint("The surrogate's gradient is 0 only where ratio > 1 + eps with A > 0 or ratio < 1 - eps with A < 0: strict inequalities."),

            Check.<GrpoObjective>invariant("everyResponseCountsEquallyWhateverItsLength", ctx -> ctx.forAll(doublings(), d -> {
                Case c = d.c();
                int which = d.which();
                close("objective with every token of response " + which + " listed twice (its per-token mean is the same)",
                        objective(ctx.subject(), c), objective(ctx.subject(), doubled(c, which)), SUMS);
            })).enforces("objectiveValue").hint("Average over each response's own tokens first, then over the G responses, so long answers do not outweigh short ones."),

            Check.<GrpoObjective>stability("advantagesIgnoreALargeCommonOffset", ctx -> ctx.forAll(shiftedRewards(), sh ->
                close("advantages of the rewards plus " + OFFSET + " vs of the rewards themselves",
                        ctx.subject().advantages(sh.rewards()), ctx.subject().advantages(sh.shifted()), Tolerance.of(1e-7, 1e-7))))
                .enforces("advantagesStable").hint("Subtract the mean first, then square: sum(r^2)/G - mean^2 (or any rearrangement of (r - mean)^2) cancels catastrophically when the rewards share a large offset."),

            Check.<GrpoObjective>gradcheck("gradientAgreesWithCentralDifferences", ctx -> ctx.forAll(cases().filter(c -> !nearTheClipEdge(c)), c -> {
                double[][] g = gradient(ctx.subject(), c);
                GradCheck.check("dLogProbsNew (rows flattened)", Tensors.flat(c.logProbsNew()),
                        x -> objective(ctx.subject(), c.withNew(unflatten(x, c.logProbsNew()))), Tensors.flat(g));
            })).enforces("gradientValue").hint(GRADIENT_HINT),

            Check.<GrpoObjective>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        Case c = new Case(g.input().vec("rewards"), g.input().mat("logProbsNew"), g.input().mat("logProbsOld"),
                                g.input().mat("logProbsRef"), g.input().num("clipEpsilon"), g.input().num("beta"));
                        close("advantages", g.output().vec("advantages"), ctx.subject().advantages(c.rewards()));
                        close("objective", g.output().num("objective"), objective(ctx.subject(), c));
                        close("dLogProbsNew", g.output().mat("dlogProbsNew"), gradient(ctx.subject(), c));
                    });
                }
            }).enforces("advantagesValue", "objectiveValue", "gradientValue")
                .hint("These are PyTorch's values: compare the advantages first, then the per-token terms, on the case shown.")
        );
    }
}
