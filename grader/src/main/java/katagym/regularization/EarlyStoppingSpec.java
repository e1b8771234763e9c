package katagym.regularization;

import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.util.Arrays;
import java.util.List;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.prop.Source;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class EarlyStoppingSpec implements KataSpec<EarlyStopping> {

    /** Validation losses, patience and min-delta. */
    record Case(double[] losses, int patience, double minDelta) {}

    /**
     * Losses on a grid of quarters (0 to 10) and min-deltas that are multiples of 1/4 or 0.3: exact
     * arithmetic, so ties such as {@code loss == best - minDelta} really occur.
     */
    static double minDelta(Source s) {
        return switch (s.weighted(0.3, 0.2, 0.2, 0.15, 0.15)) {
            case 0 -> 0.0;
            case 1 -> 0.25;
            case 2 -> 0.5;
            case 3 -> 1.0;
            default -> 0.3;
        };
    }

    static Gen<Case> cases() {
        return s -> {
            int n = s.intBetween(1, 15);
            double[] losses = new double[n];
            for (int e = 0; e < n; e++) losses[e] = s.intBetween(0, 40) / 4.0;
            double delta = minDelta(s);
            // the whole allowed range: sometimes losses (and min-delta) scaled past 1e9, sometimes negative
            switch (s.weighted(0.7, 0.15, 0.15)) {
                case 1 -> {
                    for (int e = 0; e < n; e++) losses[e] *= 1e10;
                    delta *= 1e10;
                }
                case 2 -> {
                    for (int e = 0; e < n; e++) losses[e] -= 20;
                }
                default -> { }
            }
            return new Case(losses, patience(s), delta);
        };
    }

    /** Patience from 0 to 5, and now and then a huge one (up to Integer.MAX_VALUE, where a deadline overflows). */
    static int patience(Source s) {
        return s.chance(0.1) ? Integer.MAX_VALUE - s.intBetween(0, 2) : s.intBetween(0, 5);
    }

    /** Losses starting at 20 that then fall by more than min-delta at every epoch. */
    static Gen<Case> steadilyImproving() {
        return s -> {
            int n = s.intBetween(1, 12);
            double delta = 0.25 * s.intBetween(0, 4); // 0 .. 1
            double[] losses = new double[n];
            losses[0] = 20;
            for (int e = 1; e < n; e++) losses[e] = losses[e - 1] - delta - 0.25 * s.intBetween(1, 4);
            return new Case(losses, s.intBetween(0, 5), delta);
        };
    }

    /** Losses starting at 20 whose later values lie in [20 - minDelta, 20]: ties with best - minDelta included. */
    static Gen<Case> withinMinDeltaOfTheFirst() {
        return s -> {
            int n = s.intBetween(1, 12);
            double delta = 0.25 * s.intBetween(1, 4); // 0.25 .. 1
            double[] losses = new double[n];
            losses[0] = 20;
            for (int e = 1; e < n; e++) losses[e] = 20 - delta * s.intBetween(0, 4) / 4.0;
            return new Case(losses, s.intBetween(0, 5), delta);
        };
    }

    /** The checks every correct result satisfies, derived from the rule without running it. */
    static void obeysTheRule(Case c, EarlyStopping.Result r) {
        double[] l = c.losses();
        int n = l.length, best = r.bestEpoch(), stop = r.stopEpoch();
        that(best >= 0 && best < n, () -> "bestEpoch = " + best + " is not an epoch of " + n + " losses (0-based)");
        that(stop == -1 || (stop > best && stop < n),
                () -> "stopEpoch = " + stop + " must be -1 (never stopped) or an epoch after bestEpoch = " + best);
        int last = stop == -1 ? n - 1 : stop;
        for (int e = 0; e < best; e++) {
            int k = e;
            that(l[best] < l[k], () -> "loss[bestEpoch = " + best + "] = " + l[best] + " is not below the earlier loss[" + k + "] = " + l[k]
                    + ": the best epoch must beat the best so far, not just the previous epoch");
        }
        that(best == 0 || l[best] < l[0] - c.minDelta(),
                () -> "bestEpoch = " + best + " improves on epoch 0 by " + (l[0] - l[best]) + ", not by more than minDelta = " + c.minDelta());
        for (int e = best + 1; e <= last; e++) {
            int k = e;
            that(l[k] >= l[best] - c.minDelta(), () -> "loss[" + k + "] = " + l[k] + " improves on the best " + l[best]
                    + " by more than minDelta = " + c.minDelta() + ", yet bestEpoch = " + best);
        }
        int runToStop = Math.max(c.patience(), 1);
        if (stop != -1) {
            that(stop - best == runToStop, () -> "stopped at epoch " + stop + ", " + (stop - best) + " epochs after the best epoch "
                    + best + "; with patience " + c.patience() + " it must be " + runToStop);
        } else {
            that(n - 1 - best < runToStop, () -> "never stopped, but epochs " + (best + 1) + ".." + (n - 1) + " are "
                    + (n - 1 - best) + " epochs without improvement, patience " + c.patience());
        }
    }

    @Override
    public Class<EarlyStopping> contract() { return EarlyStopping.class; }

    @Override
    public List<Check<EarlyStopping>> checks() {
        return List.of(
            Check.<EarlyStopping>oracle("resultMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                EarlyStopping.Result r = pure("run(losses, patience, minDelta)",
                        () -> ctx.subject().run(c.losses(), c.patience(), c.minDelta()), c.losses());
                equal("result", ctx.oracle().run(c.losses(), c.patience(), c.minDelta()), r);
            })).enforces("improvement", "stop", "neverStopped", "anyPatience", "anyLoss", "pure")
                .hint("Replay the rule epoch by epoch: best (from +Infinity), bestEpoch and wait; stop as soon as wait >= patience."),

            Check.<EarlyStopping>invariant("bestAndStopEpochsObeyTheRule", ctx -> ctx.forAll(cases(), c ->
                obeysTheRule(c, ctx.subject().run(c.losses(), c.patience(), c.minDelta()))))
                .enforces("improvement", "stop", "neverStopped", "anyPatience", "anyLoss")
                .hint("Keep the best loss so far (not the previous one); count epochs since the last improvement; stop when the count reaches patience."),

            Check.<EarlyStopping>invariant("patienceAtLeastTheLengthNeverStops", ctx -> ctx.forAll(s -> {
                Case c = cases().generate(s);
                return new Case(c.losses(), c.losses().length + s.intBetween(0, 3), c.minDelta());
            }, c -> {
                EarlyStopping.Result r = ctx.subject().run(c.losses(), c.patience(), c.minDelta());
                equal("stopEpoch with patience " + c.patience() + " >= " + c.losses().length + " epochs (-1: never stopped)", -1, r.stopEpoch());
                obeysTheRule(c, r);
            })).enforces("neverStopped").hint("When the rule never fires, stopEpoch is -1."),

            Check.<EarlyStopping>invariant("steadilyImprovingLossesNeverStop", ctx -> ctx.forAll(steadilyImproving(), c -> {
                EarlyStopping.Result r = ctx.subject().run(c.losses(), c.patience(), c.minDelta());
                equal("result for losses that improve by more than minDelta every epoch",
                        new EarlyStopping.Result(c.losses().length - 1, -1), r);
            })).enforces("improvement", "neverStopped")
                .hint("Every epoch here beats the best by more than minDelta: each is an improvement, and training never stops."),

            Check.<EarlyStopping>invariant("lossesWithinMinDeltaOfTheBestAreNotImprovements", ctx -> ctx.forAll(withinMinDeltaOfTheFirst(), c -> {
                int n = c.losses().length, runToStop = Math.max(c.patience(), 1);
                EarlyStopping.Result expected = new EarlyStopping.Result(0, runToStop < n ? runToStop : -1);
                equal("result for losses that never fall more than minDelta = " + c.minDelta() + " below the first (improvement: loss < best - minDelta, strictly)",
                        expected, ctx.subject().run(c.losses(), c.patience(), c.minDelta()));
            })).enforces("improvement", "stop").hint("An improvement must beat best - minDelta strictly: a drop of exactly minDelta does not count."),

            Check.<EarlyStopping>invariant("stoppingDependsOnlyOnThePast", ctx -> ctx.forAll(s -> {
                Case c = cases().generate(s);
                double[] more = Gens.vectors(0, 5, s2 -> s2.intBetween(0, 40) / 4.0).generate(s);
                double[] longer = Arrays.copyOf(c.losses(), c.losses().length + more.length);
                System.arraycopy(more, 0, longer, c.losses().length, more.length);
                return new Case(longer, c.patience(), c.minDelta());
            }, c -> {
                EarlyStopping.Result r = ctx.subject().run(c.losses(), c.patience(), c.minDelta());
                int last = r.stopEpoch() == -1 ? c.losses().length - 1 : r.stopEpoch();
                for (int end = r.bestEpoch() + 1; end <= last + 1; end++) {
                    double[] prefix = Arrays.copyOf(c.losses(), end);
                    EarlyStopping.Result p = ctx.subject().run(prefix, c.patience(), c.minDelta());
                    EarlyStopping.Result expected = end == last + 1 ? r : new EarlyStopping.Result(r.bestEpoch(), -1);
                    equal("result on the first " + end + " losses (epochs after the stop must not matter, earlier ones never stop)", expected, p);
                }
            })).enforces("stop", "neverStopped")
                .hint("Decide at each epoch from the losses so far: stop the moment wait reaches patience and look at nothing after it."),

            Check.<EarlyStopping>invariant("documentedExamples", ctx -> {
                ctx.example("losses = [1.0, 0.8, 0.79, 0.81, 0.7, 0.75, 0.76], patience = 2, minDelta = 0.05", () ->
                    equal("result", new EarlyStopping.Result(1, 3),
                            ctx.subject().run(new double[] {1.0, 0.8, 0.79, 0.81, 0.7, 0.75, 0.76}, 2, 0.05)));
                ctx.example("losses = [1.0, 0.8, 0.79, 0.81, 0.7, 0.75, 0.76], patience = 2, minDelta = 0", () ->
                    equal("result", new EarlyStopping.Result(4, 6),
                            ctx.subject().run(new double[] {1.0, 0.8, 0.79, 0.81, 0.7, 0.75, 0.76}, 2, 0.0)));
                ctx.example("losses = [3, 2, 2, 1], patience = 0, minDelta = 0", () ->
                    equal("result", new EarlyStopping.Result(1, 2), ctx.subject().run(new double[] {3, 2, 2, 1}, 0, 0.0)));
                ctx.example("losses = [3, 2, 2, 1], patience = 2, minDelta = 0", () ->
                    equal("result (never stops)", new EarlyStopping.Result(3, -1), ctx.subject().run(new double[] {3, 2, 2, 1}, 2, 0.0)));
                ctx.example("losses = [5], patience = 0, minDelta = 0", () ->
                    equal("result", new EarlyStopping.Result(0, -1), ctx.subject().run(new double[] {5}, 0, 0.0)));
            }).enforces("improvement", "stop", "neverStopped")
                .hint("Work the statement's example by hand, epoch by epoch, for both min-deltas."),

            Check.<EarlyStopping>example("handWorkedEdgeCases", ctx -> {
                ctx.example("losses = [10, 9.5, 9, 8.5], patience = 5, minDelta = 0.75: 9.5 is a new minimum but no improvement", () ->
                    equal("result (best stays 10 until 9 < 10 - 0.75)", new EarlyStopping.Result(2, -1),
                            ctx.subject().run(new double[] {10, 9.5, 9, 8.5}, 5, 0.75)));
                ctx.example("losses = [2e9, 1e9, 3e9], patience = 1, minDelta = 0", () ->
                    equal("result (losses above 1e9 improve too)", new EarlyStopping.Result(1, 2),
                            ctx.subject().run(new double[] {2e9, 1e9, 3e9}, 1, 0.0)));
                ctx.example("losses = [-1, -2, -1.5], patience = 1, minDelta = 0", () ->
                    equal("result (negative losses)", new EarlyStopping.Result(1, 2), ctx.subject().run(new double[] {-1, -2, -1.5}, 1, 0.0)));
                ctx.example("losses = [3, 2, 2, 1], patience = Integer.MAX_VALUE, minDelta = 0", () ->
                    equal("result (never stops; no int may overflow)", new EarlyStopping.Result(3, -1),
                            ctx.subject().run(new double[] {3, 2, 2, 1}, Integer.MAX_VALUE, 0.0)));
                ctx.example("losses = [1, 1, 1], patience = 1, minDelta = 0", () ->
                    equal("result (a tie with the best is no improvement)", new EarlyStopping.Result(0, 1),
                            ctx.subject().run(new double[] {1, 1, 1}, 1, 0.0)));
            }).enforces("improvement", "stop", "neverStopped", "anyPatience", "anyLoss")
                .hint("best starts at +Infinity and moves only on an improvement; count epochs with wait, not with bestEpoch + patience, which overflows.")
        );
    }
}
