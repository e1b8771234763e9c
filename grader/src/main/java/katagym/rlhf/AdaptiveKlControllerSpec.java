package katagym.rlhf;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;
import static katagym.grader.check.Checks.throwsOn;

import java.util.List;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.prop.Source;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class AdaptiveKlControllerSpec implements KataSpec<AdaptiveKlController> {

    /** One update's arguments. */
    record Update(double beta, double kl, double target, int nSteps, int horizon) {
        double call(AdaptiveKlController c) { return c.update(beta, kl, target, nSteps, horizon); }
    }

    /** A run of T updates. */
    record Run(double beta0, double[] kls, int[] nSteps, double target, int horizon) {}

    static double beta(Source s) {
        return s.chance(0.7) ? Gens.oneOf(0.1, 0.2, 0.05, 1.0).generate(s) : Gens.doubles(0, 10).generate(s);
    }

    static double target(Source s) {
        return s.chance(0.6) ? Gens.oneOf(6.0, 1.0, 0.1, 3.0).generate(s) : Gens.doubles(1e-3, 20).generate(s);
    }

    static int horizon(Source s) {
        return s.chance(0.6) ? Gens.oneOf(10_000, 100, 8, 1).generate(s) : s.intBetween(1, 20_000);
    }

    /** KL around the target: often inside the +-20% band, sometimes far outside, on an edge, exactly on target, or negative. */
    static double kl(Source s, double target) {
        switch (s.weighted(4, 3, 1, 1, 1)) {
            case 0: return target * (0.8 + 0.4 * Gens.unit(s));
            case 1: return target * Gens.doubles(0, 5).generate(s);
            case 2: return target * Gens.oneOf(0.8, 1.2, 1.0).generate(s);
            case 3: return target;
            default: return -Gens.doubles(0, 2).generate(s);
        }
    }

    static int steps(Source s, int horizon) {
        return s.chance(0.2) ? Gens.oneOf(horizon, 0).generate(s) : s.intBetween(0, Math.min(horizon, 512));
    }

    static Gen<Update> updates() {
        return s -> {
            double t = target(s);
            int h = horizon(s);
            return new Update(beta(s), kl(s, t), t, steps(s, h), h);
        };
    }

    static Gen<Run> runs() {
        return s -> {
            double t = target(s);
            int h = horizon(s);
            int n = s.intBetween(0, 8);
            double[] kls = new double[n];
            int[] steps = new int[n];
            for (int i = 0; i < n; i++) {
                kls[i] = kl(s, t);
                steps[i] = steps(s, h);
            }
            return new Run(beta(s), kls, steps, t, h);
        };
    }

    /** The rule, written independently: clamp the KL into [0.8 target, 1.2 target] first. */
    static double expected(double beta, double kl, double target, int nSteps, int horizon) {
        double k = Math.max(0.8 * target, Math.min(1.2 * target, kl));
        return beta + beta * ((k - target) / target) * ((double) nSteps / horizon);
    }

    @Override
    public Class<AdaptiveKlController> contract() { return AdaptiveKlController.class; }

    @Override
    public List<Check<AdaptiveKlController>> checks() {
        return List.of(
            Check.<AdaptiveKlController>oracle("updateMatchesReference", ctx -> ctx.forAll(updates(), u ->
                close("update(...)", u.call(ctx.oracle()), u.call(ctx.subject()))))
                .enforces("updateValue")
                .hint("error = clip(kl / target - 1, -0.2, 0.2); beta * (1 + error * nSteps / horizon) with a real division."),

            Check.<AdaptiveKlController>oracle("scheduleMatchesReference", ctx -> ctx.forAll(runs(), r -> {
                double[] expected = ctx.oracle().schedule(r.beta0(), r.kls(), r.nSteps(), r.target(), r.horizon());
                double[] actual = pure("schedule(...)", () -> ctx.subject().schedule(r.beta0(), r.kls(), r.nSteps(), r.target(), r.horizon()),
                        r.kls(), r.nSteps());
                close("betas", expected, actual);
            })).enforces("scheduleValue", "newArray")
                .hint("betas[0] = beta0, then each update starts from the previous beta: T updates give T + 1 values."),

            Check.<AdaptiveKlController>invariant("updateFollowsTheProportionalRule", ctx -> ctx.forAll(updates(), u ->
                close("update(...) (beta (1 + clip(kl/target - 1, -0.2, 0.2) nSteps/horizon))",
                        expected(u.beta(), u.kl(), u.target(), u.nSteps(), u.horizon()), u.call(ctx.subject()))))
                .enforces("updateValue")
                .hint("The error is RELATIVE (kl / target - 1), clipped to +-0.2 before it is scaled by nSteps / horizon; and beta is multiplied, not added to. In Java, nSteps / horizon on two ints is 0."),

            Check.<AdaptiveKlController>invariant("betaMovesTowardTheTargetAndStopsThere", ctx -> ctx.forAll(updates(), u -> {
                double b = u.call(ctx.subject());
                if (u.kl() == u.target()) {
                    equal("update at kl == target (the fixed point)", u.beta(), b);
                } else if (u.beta() > 0 && Math.abs(u.kl() / u.target() - 1) * u.nSteps() / u.horizon() > 1e-12) { // a step that 1 + step can represent
                    boolean up = u.kl() > u.target();
                    that(up ? b > u.beta() : b < u.beta(), () -> "kl = " + u.kl() + (up ? " > " : " < ") + "target = " + u.target()
                            + " must make beta " + (up ? "rise" : "fall") + ", but " + u.beta() + " became " + b);
                }
                double step = 0.2 * u.nSteps() / u.horizon();
                that(b >= u.beta() * (1 - step) * (1 - 1e-12) && b <= u.beta() * (1 + step) * (1 + 1e-12),
                        () -> "update " + b + " leaves [beta (1 - 0.2 n/h), beta (1 + 0.2 n/h)] = [" + u.beta() * (1 - step) + ", " + u.beta() * (1 + step) + "]: the clip bounds the step");
            })).enforces("updateValue")
                .hint("KL above target means the policy strays too far: raise beta (multiplier > 1); below, lower it; at the target, leave it exactly alone. The clip keeps each step within +-20% of n/h."),

            Check.<AdaptiveKlController>invariant("updateScalesWithBetaAndDependsOnKlOverTarget", ctx -> ctx.forAll(updates(), u -> {
                double b = u.call(ctx.subject());
                close("update(4 beta, ...) (must be 4 update(beta, ...))", 4 * b,
                        ctx.subject().update(4 * u.beta(), u.kl(), u.target(), u.nSteps(), u.horizon()));
                close("update(beta, 2 kl, 2 target, ...) (only kl / target matters)", b,
                        ctx.subject().update(u.beta(), 2 * u.kl(), 2 * u.target(), u.nSteps(), u.horizon()));
            })).enforces("updateValue")
                .hint("The update multiplies beta, and the error is a ratio: kl - target in nats depends on the KL's scale, kl / target - 1 does not."),

            Check.<AdaptiveKlController>invariant("scheduleCompoundsTheUpdates", ctx -> ctx.forAll(runs(), r -> {
                double[] betas = ctx.subject().schedule(r.beta0(), r.kls(), r.nSteps(), r.target(), r.horizon());
                shape("betas", betas, r.kls().length + 1);
                equal("betas[0] (the initial coefficient)", r.beta0(), betas[0]);
                double b = r.beta0();
                for (int t = 0; t < r.kls().length; t++) {
                    b = expected(b, r.kls()[t], r.target(), r.nSteps()[t], r.horizon());
                    close("betas[" + (t + 1) + "] (update of betas[" + t + "])", b, betas[t + 1]);
                }
            })).enforces("scheduleValue")
                .hint("Keep one running beta: each update starts from the coefficient the previous one produced, not from beta0."),

            Check.<AdaptiveKlController>invariant("scheduleReturnsANewArray", ctx -> ctx.forAll(runs(), r ->
                fresh("schedule(...)", () -> ctx.subject().schedule(r.beta0(), r.kls(), r.nSteps(), r.target(), r.horizon()), r.kls(), r.nSteps())))
                .enforces("newArray")
                .hint("Allocate new double[T + 1] per call; a field reused between runs overwrites the caller's earlier schedule."),

            Check.<AdaptiveKlController>invariant("rejectsInvalidArguments", ctx -> ctx.forAll(s -> {
                Run r = runs().generate(s);
                int what = s.intBetween(0, 4);
                double beta0 = what == 0 ? -Gens.doubles(1e-3, 5).generate(s) : r.beta0();
                double target = what == 1 ? -Gens.doubles(0, 5).generate(s) : r.target();
                int horizon = what == 2 ? -s.intBetween(0, 3) : r.horizon();
                int[] steps = r.nSteps();
                double[] kls = r.kls();
                if (what == 3) {
                    kls = java.util.Arrays.copyOf(kls, kls.length + 1);
                    steps = java.util.Arrays.copyOf(steps, steps.length + 1);
                    steps[steps.length - 1] = s.chance(0.5) ? -s.intBetween(1, 5) : r.horizon() + s.intBetween(1, 5);
                }
                if (what == 4) steps = java.util.Arrays.copyOf(steps, steps.length + 1);
                return new Invalid(new Run(beta0, kls, steps, target, horizon), what);
            }, inv -> {
                Run r = inv.run();
                String why = Invalid.WHY[inv.what()];
                throwsOn("schedule(...)", IllegalArgumentException.class, why,
                        () -> ctx.subject().schedule(r.beta0(), r.kls(), r.nSteps(), r.target(), r.horizon()));
                if (inv.what() != 4) {
                    int last = r.nSteps().length - 1;
                    int n = inv.what() == 3 ? r.nSteps()[last] : 0;
                    double kl = r.kls().length == 0 ? 0 : r.kls()[r.kls().length - 1];
                    throwsOn("update(...)", IllegalArgumentException.class, why,
                            () -> ctx.subject().update(r.beta0(), kl, r.target(), n, r.horizon()));
                }
            })).enforces("rejectsInvalid")
                .hint("Validate in both methods (one helper): beta >= 0, target > 0, horizon >= 1, 0 <= nSteps <= horizon, and equal lengths in schedule."),

            Check.<AdaptiveKlController>example("handWorkedCases", ctx -> {
                AdaptiveKlController c = ctx.subject();
                ctx.example("beta = 0.1, kl = 9, target = 6, nSteps = 256, horizon = 10000 (kl 50% above: clipped to +0.2)", () ->
                    close("update", 0.1 * (1 + 0.2 * 256 / 10000.0), c.update(0.1, 9, 6, 256, 10_000)));
                ctx.example("beta = 0.1, kl = 6.6, target = 6, nSteps = 5000, horizon = 10000 (inside the band: error 0.1)", () ->
                    close("update", 0.1 * 1.05, c.update(0.1, 6.6, 6, 5000, 10_000)));
                ctx.example("beta = 1, kl = 0, target = 2, nSteps = 1, horizon = 1 (clipped to -0.2)", () ->
                    close("update", 0.8, c.update(1, 0, 2, 1, 1)));
                ctx.example("beta = 0.5, kl = 3, target = 3, nSteps = 7, horizon = 10 (on target)", () ->
                    equal("update", 0.5, c.update(0.5, 3, 3, 7, 10)));
                ctx.example("schedule(0.2, kls = [12, 12, 0], nSteps = [10, 10, 10], target = 6, horizon = 10)", () ->
                    close("betas", new double[] {0.2, 0.24, 0.288, 0.2304}, c.schedule(0.2, new double[] {12, 12, 0}, new int[] {10, 10, 10}, 6, 10)));
                ctx.example("schedule(0.3, kls = [], nSteps = [], target = 1, horizon = 5)", () ->
                    close("betas", new double[] {0.3}, c.schedule(0.3, new double[0], new int[0], 1, 5)));
            }).enforces("updateValue", "scheduleValue")
                .hint("Work the statement's example: 256 / 10000 in int arithmetic is 0, and an error of 0.5 is clipped to 0.2 before it is scaled."),

            Check.<AdaptiveKlController>golden("matchesTrlsRuleInNumpy", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> close("betas", g.output().vec("betas"), ctx.subject().schedule(
                            g.input().num("beta0"), g.input().vec("kls"), g.input().ints("nSteps"), g.input().num("target"), g.input().integer("horizon"))));
                }
            }).enforces("updateValue", "scheduleValue")
                .hint("These are TRL's AdaptiveKLController updates (numpy float64): compare your clip and your division on the case shown.")
        );
    }

    /** A run with one invalid argument; {@code what} says which. */
    record Invalid(Run run, int what) {
        static final String[] WHY = {"beta0 < 0", "target <= 0", "horizon < 1", "an nSteps outside [0, horizon]", "kls and nSteps differ in length"};
    }
}
