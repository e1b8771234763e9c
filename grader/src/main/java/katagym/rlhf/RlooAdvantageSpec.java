package katagym.rlhf;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;
import static katagym.grader.check.Checks.throwsOn;

import java.util.Arrays;
import java.util.List;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.prop.Source;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class RlooAdvantageSpec implements KataSpec<RlooAdvantage> {

    /** A batch of prompts, each with its own k >= 2 rewards. */
    record Case(double[][] rewards) {}

    /** One reward: whole numbers (ties) a third of the time, else ordinary values, tiny ones included. */
    static double reward(Source s) {
        return s.chance(0.35) ? s.intBetween(-3, 3) : Gens.doubles().generate(s);
    }

    /** 0..4 prompts (at least one most of the time), k from 2 to 6 for each, so rows differ in length. */
    static Gen<Case> cases() {
        return s -> {
            int prompts = s.chance(0.05) ? 0 : s.intBetween(1, 4);
            double[][] r = new double[prompts][];
            for (int p = 0; p < prompts; p++) {
                r[p] = new double[s.intBetween(2, 6)];
                for (int i = 0; i < r[p].length; i++) r[p][i] = reward(s);
            }
            return new Case(r);
        };
    }

    /** One prompt of k in 2..8 rewards of magnitude 1e307..4e307, mostly of one sign: their sum overflows. */
    static Gen<Case> huge() {
        return s -> {
            double[] r = new double[s.intBetween(2, 8)];
            for (int i = 0; i < r.length; i++) {
                double m = s.real(1e307, 4e307, g -> 1e307 + Math.min(1.0, 1.1 * g.nextDouble()) * 3e307);
                r[i] = s.chance(0.15) ? -m : m;
            }
            return new Case(new double[][] {r});
        };
    }

    /** The definition, computed independently: r_i minus the sum over j != i of r_j / (k - 1). */
    static double[] leaveOneOut(double[] r) {
        int k = r.length;
        double[] a = new double[k];
        for (int i = 0; i < k; i++) {
            double others = 0;
            for (int j = 0; j < k; j++) if (j != i) others += r[j] / (k - 1);
            a[i] = r[i] - others;
        }
        return a;
    }

    /** 1e-9 relative, and 1e-12 of the row's largest |reward| absolute (an advantage of 0 is a difference of equals). */
    static Tolerance tolerance(double[] r) {
        double max = 0;
        for (double v : r) max = Math.max(max, Math.abs(v));
        return Tolerance.of(1e-9, 1e-12 * max);
    }

    static double[][] run(RlooAdvantage a, double[][] rewards) {
        double[][] out = a.advantages(rewards);
        that(out != null, "advantages returned null");
        equal("number of rows (one per prompt)", rewards.length, out.length);
        for (int p = 0; p < rewards.length; p++) shape("advantages[" + p + "]", out[p], rewards[p].length);
        return out;
    }

    @Override
    public Class<RlooAdvantage> contract() { return RlooAdvantage.class; }

    @Override
    public List<Check<RlooAdvantage>> checks() {
        return List.of(
            Check.<RlooAdvantage>oracle("matchesReference", ctx -> ctx.forAll(cases(), c -> {
                double[][] expected = ctx.oracle().advantages(c.rewards());
                double[][] actual = pure("advantages(rewards)", () -> run(ctx.subject(), c.rewards()), (Object) c.rewards());
                for (int p = 0; p < expected.length; p++) {
                    close("advantages[" + p + "]", expected[p], actual[p], tolerance(c.rewards()[p]));
                }
            })).enforces("leaveOneOut", "shape", "newArrays")
                .hint("Per prompt: A_i = r_i - (sum of the other rewards) / (k - 1). Each row has its own k."),

            Check.<RlooAdvantage>invariant("eachAdvantageIsTheRewardMinusTheOthersMean", ctx -> ctx.forAll(cases(), c -> {
                double[][] a = run(ctx.subject(), c.rewards());
                for (int p = 0; p < a.length; p++) {
                    close("advantages[" + p + "] (r_i - mean of the other k - 1 rewards of prompt " + p + ")",
                            leaveOneOut(c.rewards()[p]), a[p], tolerance(c.rewards()[p]));
                }
            })).enforces("leaveOneOut", "shape")
                .hint("The baseline leaves the sample itself out: divide the others' sum by k - 1, not k. r_i - mean alone is k - 1 / k of the answer."),

            Check.<RlooAdvantage>invariant("advantagesOfAPromptSumToZero", ctx -> ctx.forAll(cases(), c -> {
                double[][] a = run(ctx.subject(), c.rewards());
                for (int p = 0; p < a.length; p++) {
                    double sum = 0;
                    for (double v : a[p]) sum += v;
                    double max = Arrays.stream(c.rewards()[p]).map(Math::abs).max().orElse(0);
                    close("sum of advantages[" + p + "] (each prompt's advantages sum to 0)", 0.0, sum,
                            Tolerance.of(0, 1e-12 * max * a[p].length));
                }
            })).enforces("leaveOneOut")
                .hint("k/(k-1) (r_i - mean) sums to zero over the prompt's samples: the baseline is the prompt's own mean, not the batch's, and no sample is standardised."),

            Check.<RlooAdvantage>invariant("promptsAreIndependentAndShiftInvariant", ctx -> ctx.forAll(s -> {
                Case c = cases().generate(s);
                s.assume(c.rewards().length >= 2);
                int p = s.intBetween(0, c.rewards().length - 1);
                double shift = s.intBetween(-8, 8) * 0.25;
                return new Shifted(c, p, shift);
            }, t -> {
                double[][] shifted = Arrays.stream(t.original().rewards()).map(double[]::clone).toArray(double[][]::new);
                for (int i = 0; i < shifted[t.prompt()].length; i++) shifted[t.prompt()][i] += t.shift();
                double[][] before = run(ctx.subject(), t.original().rewards());
                double[][] after = run(ctx.subject(), shifted);
                for (int p = 0; p < before.length; p++) {
                    close("advantages[" + p + "] after adding " + t.shift() + " to every reward of prompt " + t.prompt(),
                            before[p], after[p], Tolerance.of(1e-9, 1e-9));
                }
            })).enforces("leaveOneOut")
                .hint("Adding a constant to one prompt's rewards changes no advantage, of that prompt or another: compute each row's baseline from that row alone."),

            Check.<RlooAdvantage>invariant("resultsAreNewArrays", ctx -> ctx.forAll(cases(), c ->
                fresh("advantages(rewards)", () -> ctx.subject().advantages(c.rewards()), (Object) c.rewards())))
                .enforces("newArrays")
                .hint("Allocate a new row per prompt: subtracting the baseline in place over rewards[p] (or returning it) corrupts the caller's rewards."),

            Check.<RlooAdvantage>invariant("rejectsAPromptWithFewerThanTwoSamples", ctx -> ctx.forAll(s -> {
                Case c = cases().generate(s);
                double[][] r = Arrays.copyOf(c.rewards(), c.rewards().length + 1);
                int at = s.intBetween(0, c.rewards().length);
                System.arraycopy(c.rewards(), at, r, at + 1, c.rewards().length - at);
                r[at] = s.chance(0.8) ? new double[] {reward(s)} : new double[0];
                return new Case(r);
            }, c -> throwsOn("advantages(rewards)", IllegalArgumentException.class,
                    "a prompt with " + Arrays.stream(c.rewards()).mapToInt(x -> x.length).min().orElse(0) + " sample(s) has no leave-one-out baseline",
                    () -> ctx.subject().advantages(c.rewards()))))
                .enforces("rejectsSingleSample")
                .hint("With k = 1 the others' mean is 0/0 (NaN, silently): check every row's length first and throw IllegalArgumentException."),

            Check.<RlooAdvantage>example("handWorkedCases", ctx -> {
                RlooAdvantage a = ctx.subject();
                ctx.example("rewards = [[1, 2, 3, 6]] (the statement's example)", () ->
                    close("advantages[0]", new double[] {-8.0 / 3, -4.0 / 3, 0, 4}, run(a, new double[][] {{1, 2, 3, 6}})[0]));
                ctx.example("rewards = [[0, 4], [5, 5, 8]] (two prompts, k = 2 and k = 3)", () -> {
                    double[][] got = run(a, new double[][] {{0, 4}, {5, 5, 8}});
                    close("advantages[0]", new double[] {-4, 4}, got[0]);
                    close("advantages[1]", new double[] {-1.5, -1.5, 3}, got[1]);
                });
                ctx.example("rewards = [[7, 7]] (equal rewards: no signal)", () ->
                    close("advantages[0]", new double[] {0, 0}, run(a, new double[][] {{7, 7}})[0]));
                ctx.example("rewards = [] (no prompts)", () -> equal("number of rows", 0, run(a, new double[0][]).length));
                ctx.example("rewards = [[1, 2], [3]] (k = 1 for the second prompt)", () ->
                    throwsOn("advantages([[1, 2], [3]])", IllegalArgumentException.class, "k = 1 has no other sample",
                            () -> a.advantages(new double[][] {{1, 2}, {3}})));
            }).enforces("leaveOneOut", "shape", "rejectsSingleSample")
                .hint("With [1, 2, 3, 6]: the others of 1 average 11/3, so A_0 = -8/3; and k/(k-1)(r_i - mean) = 4/3 (1 - 3) agrees."),

            Check.<RlooAdvantage>stability("finiteWhenTheRewardSumOverflows", ctx -> {
                ctx.example("rewards = [[4e307 x 8]] (sum 3.2e308 overflows; every advantage is 0)", () -> {
                    double[] r = new double[8];
                    Arrays.fill(r, 4e307);
                    double[] got = run(ctx.subject(), new double[][] {r})[0];
                    finite("advantages[0]", got);
                    close("advantages[0]", new double[8], got, tolerance(r));
                });
                ctx.forAll(huge(), c -> {
                    double[] got = run(ctx.subject(), c.rewards())[0];
                    finite("advantages[0]", got);
                    close("advantages[0]", leaveOneOut(c.rewards()[0]), got, tolerance(c.rewards()[0]));
                });
            }).enforces("largeRewards")
                .hint("sum / k overflows once the sum passes 1.8e308 even though the mean does not: accumulate r_j / k (or rescale by a power of two first)."),

            Check.<RlooAdvantage>golden("matchesNumpy", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[][] r = g.input().mat("rewards");
                        double[][] got = run(ctx.subject(), r);
                        double[][] want = g.output().mat("advantages");
                        for (int p = 0; p < want.length; p++) close("advantages[" + p + "]", want[p], got[p], tolerance(r[p]));
                    });
                }
            }).enforces("leaveOneOut", "shape")
                .hint("These are numpy's r_i - np.delete(r, i).mean() per prompt: compare your baseline on the case shown.")
        );
    }

    /** A batch and one prompt whose rewards all get the same shift. */
    record Shifted(Case original, int prompt, double shift) {}
}
