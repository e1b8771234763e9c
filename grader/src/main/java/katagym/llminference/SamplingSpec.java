package katagym.llminference;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.util.Arrays;
import java.util.List;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class SamplingSpec implements KataSpec<Sampling> {

    /** Logits, the filtering parameters and a uniform draw. */
    record Case(double[] logits, double temperature, int topK, double topP, double uniform) {}

    /** A probability vector (some entries exactly 0) and a uniform, sometimes exactly on a cumulative boundary. */
    record Draw(double[] probabilities, double uniform) {}

    static final Tolerance SUM = Tolerance.of(0, 1e-12);

    static Gen<Case> cases(Gen<Double> logit, Gen<Double> temperature) {
        return s -> {
            double[] logits = Gens.vectors(1, 8, logit).generate(s);
            double t = temperature.generate(s);
            // no filter is topK = 0 or any negative topK; otherwise 1..8 (>= n also means no filter)
            int k = s.chance(0.4) ? (s.chance(0.5) ? 0 : -s.intBetween(1, 3)) : s.intBetween(1, 8);
            double p = s.chance(0.3) ? 1.0 : Gens.doubles(0.05, 1.0).generate(s);
            return new Case(logits, t, k, p, Gens.unit(s));
        };
    }

    /** Temperatures across their whole range: mostly 0.5..2, sometimes log-uniform from 0.01 to 100. */
    static Gen<Double> temperatures() {
        return s -> s.chance(0.7) ? Gens.doubles(0.5, 2).generate(s) : Math.pow(10, Gens.doubles(-2, 2).generate(s));
    }

    /** Temperatures 0.5..2: every kept token keeps a probability > 0 (checks that tell kept from dropped by p > 0). */
    static Gen<Case> ordinary() { return cases(Gens.doubles(-5, 5), Gens.doubles(0.5, 2)); }

    /** Temperatures over their whole range (kept tokens may underflow to probability 0 at T = 0.01). */
    static Gen<Case> anyTemperature() { return cases(Gens.doubles(-5, 5), temperatures()); }

    static Gen<Draw> draws() {
        return s -> {
            double[] p = Gens.distributions(s.intBetween(1, 6)).generate(s);
            for (int i = 0; i < p.length; i++) if (s.chance(0.25)) p[i] = 0;
            double sum = Arrays.stream(p).sum();
            if (sum == 0) p[0] = sum = 1;
            for (int i = 0; i < p.length; i++) p[i] /= sum;
            double u;
            if (s.chance(0.4)) { // exactly a cumulative sum, summed left to right as the contract says
                int upTo = s.intBetween(0, p.length - 1);
                double cum = 0;
                for (int i = 0; i < upTo; i++) cum += p[i];
                u = cum < 1 ? cum : 0;
            } else {
                u = Gens.unit(s);
            }
            return new Draw(p, u);
        };
    }

    static double[] softmax(double[] z) {
        double max = Arrays.stream(z).max().orElse(0);
        double[] e = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) sum += e[i] = Math.exp(z[i] - max);
        for (int i = 0; i < z.length; i++) e[i] /= sum;
        return e;
    }

    static void isDistribution(String what, double[] p, int n) {
        that(p.length == n, () -> what + " has length " + p.length + ", expected " + n);
        finite(what, p);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            int k = i;
            that(p[i] >= 0, () -> what + "[" + k + "] = " + p[k] + " is negative");
            sum += p[i];
        }
        close("sum of " + what, 1.0, sum, SUM);
    }

    static int argmax(double[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
        return best;
    }

    @Override
    public Class<Sampling> contract() { return Sampling.class; }

    @Override
    public List<Check<Sampling>> checks() {
        return List.of(
            Check.<Sampling>oracle("probabilitiesMatchReference", ctx -> ctx.forAll(anyTemperature(), c ->
                close("probabilities", ctx.oracle().probabilities(c.logits(), c.temperature(), c.topK(), c.topP()),
                        pure("probabilities(logits, temperature, topK, topP)",
                                () -> ctx.subject().probabilities(c.logits(), c.temperature(), c.topK(), c.topP()), c.logits()))))
                .enforces("pipeline", "topKTies", "noTopK", "topPBoundary", "temperatureRange", "newArray").hint("Order: logits / T, top-k (ties kept, topK <= 0 no filter), stable softmax over the kept, then top-p and renormalise."),

            Check.<Sampling>oracle("sampleMatchesReference", ctx -> ctx.forAll(draws(), d ->
                equal("token", ctx.oracle().sample(d.probabilities(), d.uniform()),
                        pure("sample(probabilities, uniform)", () -> ctx.subject().sample(d.probabilities(), d.uniform()), d.probabilities()))))
                .enforces("sampleRule", "newArray").hint("Walk the probabilities left to right adding them; return the first index whose running sum is > uniform."),

            Check.<Sampling>invariant("probabilitiesAreADistribution", ctx -> ctx.forAll(ordinary(), c ->
                isDistribution("probabilities", ctx.subject().probabilities(c.logits(), c.temperature(), c.topK(), c.topP()), c.logits().length)))
                .enforces("pipeline").hint("Dropped tokens get exactly 0 and the kept ones are renormalised: the result has length n, no negative entry and sums to 1."),

            Check.<Sampling>invariant("withoutFiltersItIsTheSoftmaxOfLogitsOverTemperature", ctx -> ctx.forAll(anyTemperature(), c -> {
                double[] z = new double[c.logits().length];
                for (int i = 0; i < z.length; i++) z[i] = c.logits()[i] / c.temperature();
                close("probabilities(logits, " + c.temperature() + ", 0, 1.0)", softmax(z),
                        ctx.subject().probabilities(c.logits(), c.temperature(), 0, 1.0));
            })).hint("Temperature divides the logits: T > 1 flattens the distribution, T < 1 sharpens it.")
                .enforces("pipeline", "temperatureRange", "noTopK"),

            Check.<Sampling>invariant("temperatureActsAsDividingTheLogits", ctx -> ctx.forAll(anyTemperature(), c -> {
                double[] z = new double[c.logits().length];
                for (int i = 0; i < z.length; i++) z[i] = c.logits()[i] / c.temperature();
                close("probabilities(logits, T, k, p) vs probabilities(logits / T, 1, k, p)",
                        ctx.subject().probabilities(z, 1.0, c.topK(), c.topP()),
                        ctx.subject().probabilities(c.logits(), c.temperature(), c.topK(), c.topP()));
            }))
                .enforces("pipeline", "temperatureRange").hint("Divide every logit by the temperature once, before top-k and softmax."),

            Check.<Sampling>invariant("topKKeepsExactlyTheLogitsAtLeastTheKthLargest", ctx -> ctx.forAll(ordinary(), c -> {
                double[] p = ctx.subject().probabilities(c.logits(), c.temperature(), c.topK(), 1.0);
                int n = c.logits().length;
                double[] sorted = c.logits().clone();
                Arrays.sort(sorted);
                double kth = c.topK() <= 0 || c.topK() >= n ? Double.NEGATIVE_INFINITY : sorted[n - c.topK()];
                for (int i = 0; i < n; i++) {
                    int k = i;
                    boolean shouldKeep = c.logits()[i] >= kth;
                    that(shouldKeep == (p[i] > 0), () -> "with topK = " + c.topK() + " token " + k + " (logit " + c.logits()[k] + ", the k-th largest is "
                            + kth + ") should be " + (shouldKeep ? "kept" : "dropped") + " but has probability " + p[k]);
                }
            })).hint("Keep the tokens whose logit is >= the k-th largest logit: sorted descending, that is index k - 1.")
                .enforces("topKTies", "noTopK"),

            Check.<Sampling>invariant("topPKeepsTheSmallestPrefixWhoseMassReachesP", ctx -> ctx.forAll(ordinary(), c -> {
                double[] base = ctx.subject().probabilities(c.logits(), c.temperature(), c.topK(), 1.0);
                double[] p = ctx.subject().probabilities(c.logits(), c.temperature(), c.topK(), c.topP());
                double kept = 0, smallestKept = Double.POSITIVE_INFINITY, largestDropped = 0;
                for (int i = 0; i < p.length; i++) {
                    if (p[i] > 0) {
                        kept += base[i];
                        smallestKept = Math.min(smallestKept, base[i]);
                    } else {
                        largestDropped = Math.max(largestDropped, base[i]);
                    }
                }
                double mass = kept, small = smallestKept, big = largestDropped;
                that(mass >= c.topP() - 1e-12, () -> "the kept tokens hold mass " + mass + " < topP = " + c.topP()
                        + ": keep the token whose probability crosses topP");
                that(mass - small < c.topP() + 1e-12, () -> "the kept tokens hold mass " + mass + " but without the least likely of them ("
                        + small + ") they would still reach topP = " + c.topP() + ": the nucleus is the SMALLEST such set");
                that(big <= small, () -> "a token of probability " + big + " is dropped while one of " + small + " is kept");
                for (int i = 0; i < p.length; i++) {
                    if (p[i] > 0) close("probability of kept token " + i + " (renormalised)", base[i] / mass, p[i]);
                }
            })).hint("Sort by probability descending and keep a token while the mass BEFORE it is < topP; then renormalise.")
                .enforces("topPBoundary"),

            Check.<Sampling>invariant("topPDropsATokenWhoseMassBeforeIsExactlyP", ctx ->
                ctx.example("logits = [1, 1, 1, 1], temperature 1, topK 0, topP = 0.5: the first two tokens (lowest indices on the tie) "
                        + "already hold 0.5, so the third, with exactly 0.5 before it, is dropped", () ->
                    close("probabilities", new double[] {0.5, 0.5, 0, 0}, ctx.subject().probabilities(new double[] {1, 1, 1, 1}, 1.0, 0, 0.5))))
                .hint("Keep a token only while the mass before it is strictly < topP.")
                .enforces("topPBoundary"),

            Check.<Sampling>invariant("topPOfOneFiltersNothingEvenATinyProbability", ctx ->
                ctx.example("logits = [0, -40], temperature 1, topK 0, topP = 1: token 0 alone rounds to mass 1.0, yet token 1 keeps "
                        + "its softmax probability e^-40 / (1 + e^-40)", () -> {
                    double[] p = ctx.subject().probabilities(new double[] {0, -40}, 1.0, 0, 1.0);
                    that(p.length == 2, () -> "probabilities has length " + p.length);
                    close("probability of token 1 (relative)", Math.exp(-40) / (1 + Math.exp(-40)), p[1], Tolerance.of(1e-9, 0));
                }))
                .hint("topP = 1 means no top-p filtering at all: skip the nucleus step.")
                .enforces("topPBoundary"),

            Check.<Sampling>invariant("temperatureNearZeroIsGreedy", ctx -> ctx.forAll(
                    cases(Gens.doubles(-5, 5), Gens.oneOf(1e-6)).filter(c -> {
                        double[] l = c.logits();
                        int b = argmax(l);
                        for (int i = 0; i < l.length; i++) if (i != b && l[b] - l[i] < 1e-3) return false;
                        return true;
                    }), c -> {
                double[] p = ctx.subject().probabilities(c.logits(), c.temperature(), c.topK(), c.topP());
                double[] expected = new double[p.length];
                expected[argmax(c.logits())] = 1;
                close("probabilities at temperature 1e-6", expected, p);
                equal("sampled token", argmax(c.logits()), ctx.subject().sample(p, c.uniform()));
            })).hint("Subtract the max scaled logit before exp: logits / 1e-6 are in the millions.")
                .enforces("temperatureRange", "stable"),

            Check.<Sampling>invariant("temperatureZeroPicksTheLowestIndexOfTheMaximum", ctx -> ctx.forAll(
                    cases(s -> (double) s.intBetween(-2, 2), Gens.oneOf(0.0)), c -> {
                double[] expected = new double[c.logits().length];
                expected[argmax(c.logits())] = 1;
                close("probabilities at temperature 0", expected, ctx.subject().probabilities(c.logits(), 0.0, c.topK(), c.topP()));
            }))
                .enforces("temperatureRange").hint("temperature 0 is greedy: probability 1 on the FIRST index holding the largest logit (strict > when scanning)."),

            Check.<Sampling>invariant("sampleTakesTheFirstIndexWhoseCumulativeExceedsU", ctx -> ctx.forAll(draws(), d -> {
                double[] p = d.probabilities();
                int t = ctx.subject().sample(p, d.uniform());
                that(t >= 0 && t < p.length, () -> "token " + t + " is out of range");
                double before = 0;
                for (int i = 0; i < t; i++) before += p[i];
                double b = before;
                that(p[t] > 0, () -> "token " + t + " has probability 0");
                // summed left to right, the cumulative may round to just below u at the end: then the contract
                // asks for the last token of positive probability (sampleFallsBackToTheLastPositiveTokenWhenRoundingLeavesNone)
                double total = 0;
                int lastPositive = 0;
                for (int i = 0; i < p.length; i++) {
                    total += p[i];
                    if (p[i] > 0) lastPositive = i;
                }
                if (total <= d.uniform()) {
                    int expected = lastPositive;
                    double reached = total;
                    that(t == expected, () -> "no cumulative sum exceeds uniform = " + d.uniform() + " (they reach " + reached
                            + "): expected the last token of positive probability, " + expected + ", got " + t);
                    return;
                }
                that(b <= d.uniform() && b + p[t] > d.uniform(), () -> "token " + t + " covers the cumulative interval [" + b + ", " + (b + p[t])
                        + ") which does not contain uniform = " + d.uniform() + " (first index whose cumulative sum is > u)");
            })).hint("Return the first i with cumulative > u: a cumulative exactly equal to u does not pick i.")
                .enforces("sampleRule"),

            Check.<Sampling>invariant("sampleFallsBackToTheLastPositiveTokenWhenRoundingLeavesNone", ctx ->
                ctx.example("probabilities = [0.1, 0.7, 0.1, 0.1, 0], uniform = 0.9999999999999999: summed left to right the cumulative "
                        + "only reaches 0.9999999999999999, never > uniform", () ->
                    equal("token (the last of positive probability)", 3,
                            ctx.subject().sample(new double[] {0.1, 0.7, 0.1, 0.1, 0}, Math.nextDown(1.0)))))
                .hint("When no cumulative sum exceeds u, return the last index whose probability is > 0, not the last index.")
                .enforces("sampleRule"),

            Check.<Sampling>invariant("probabilitiesReturnsANewArray", ctx -> ctx.forAll(anyTemperature(), c ->
                fresh("probabilities(logits, temperature, topK, topP)",
                        () -> ctx.subject().probabilities(c.logits(), c.temperature(), c.topK(), c.topP()), c.logits())))
                .enforces("newArray")
                .hint("Build the result in a new double[n] each call; never return logits or a field reused across calls."),

            Check.<Sampling>example("handWorkedFilters", ctx -> {
                ctx.example("logits = [2, 1, 1, 0], temperature 1, topK = 2, topP = 1: the k-th largest is 1, and both 1s are kept", () -> {
                    double[] e = softmax(new double[] {2, 1, 1});
                    close("probabilities", new double[] {e[0], e[1], e[2], 0}, ctx.subject().probabilities(new double[] {2, 1, 1, 0}, 1.0, 2, 1.0));
                });
                ctx.example("logits = [3, 1, 2], temperature 1, topK = -1, topP = 1: a negative topK means no top-k filtering", () ->
                    close("probabilities", softmax(new double[] {3, 1, 2}), ctx.subject().probabilities(new double[] {3, 1, 2}, 1.0, -1, 1.0)));
                ctx.example("logits = [0, 0.01], temperature 0.02, topK 0, topP 1: a small temperature is still a softmax, of [0, 0.5]", () ->
                    close("probabilities", softmax(new double[] {0, 0.5}), ctx.subject().probabilities(new double[] {0, 0.01}, 0.02, 0, 1.0)));
                ctx.example("logits = [0, 1], temperature 100, topK 0, topP 1: a large temperature flattens to the softmax of [0, 0.01]", () ->
                    close("probabilities", softmax(new double[] {0, 0.01}), ctx.subject().probabilities(new double[] {0, 1}, 100.0, 0, 1.0)));
                ctx.example("logits = [1, 3, 3], temperature 0: greedy picks the lowest index of the maximum", () ->
                    close("probabilities", new double[] {0, 1, 0}, ctx.subject().probabilities(new double[] {1, 3, 3}, 0.0, 0, 1.0)));
            }).enforces("topKTies", "noTopK", "temperatureRange")
                .hint("Keep ties with the k-th largest logit; treat any topK <= 0 as no filter; divide by the temperature whatever its size, greedy only at exactly 0."),

            Check.<Sampling>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[] p = ctx.subject().probabilities(g.input().vec("logits"), g.input().num("temperature"),
                                g.input().integer("topK"), g.input().num("topP"));
                        close("probabilities", g.output().vec("probabilities"), p);
                        equal("token", g.output().integer("token"), ctx.subject().sample(p, g.input().num("uniform")));
                    });
                }
            })
                .enforces("pipeline", "sampleRule").hint("These are the values of a PyTorch/HF-style top-k/top-p warper on the case shown: compare step by step (scale, top-k, softmax, top-p)."),

            Check.<Sampling>stability("finiteForHugeLogitsAndSmallTemperatures", ctx -> ctx.forAll(
                    cases(Gens.logits(), Gens.doubles(0.01, 2)), c -> {
                double[] p = ctx.subject().probabilities(c.logits(), c.temperature(), c.topK(), c.topP());
                isDistribution("probabilities", p, c.logits().length);
                close("probabilities", ctx.oracle().probabilities(c.logits(), c.temperature(), c.topK(), c.topP()), p);
            })).hint("exp of a scaled logit of 1e5 overflows: subtract the maximum kept logit first.")
                .enforces("stable")
        );
    }

}
