package katagym.llminference;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class SpeculativeDecodingSpec implements KataSpec<SpeculativeDecoding> {

    /** Target rows p[0..k], draft rows q[0..k-1]. */
    record Setup(double[][] p, double[][] q) {}

    /** A setup with drafted tokens (each of positive draft probability) and the uniforms. */
    record Case(double[][] p, double[][] q, int[] draft, double[] acceptU, double sampleU) {}

    /** One position: target p, draft q and a token of positive draft probability. */
    record Pair(double[] p, double[] q, int token) {}

    static final Tolerance EXACT_ENOUGH = Tolerance.of(1e-9, 1e-12);

    /** A distribution over n tokens, some entries exactly 0 (never all). */
    static Gen<double[]> distribution(int n) {
        return s -> {
            double[] d = Gens.distributions(n).generate(s);
            for (int i = 0; i < n; i++) if (s.chance(0.2)) d[i] = 0;
            double sum = Arrays.stream(d).sum();
            if (sum == 0) { d[0] = 1; sum = 1; }
            for (int i = 0; i < n; i++) d[i] /= sum;
            return d;
        };
    }

    static Gen<Setup> setups() {
        return s -> {
            int v = s.intBetween(2, 4);
            int k = s.intBetween(1, 3);
            double[][] p = new double[k + 1][];
            double[][] q = new double[k][];
            for (int i = 0; i <= k; i++) p[i] = distribution(v).generate(s);
            for (int i = 0; i < k; i++) q[i] = s.chance(0.15) ? p[i].clone() : distribution(v).generate(s);
            return new Setup(p, q);
        };
    }

    static int positiveToken(double[] q, long pick) {
        List<Integer> ok = new ArrayList<>();
        for (int i = 0; i < q.length; i++) if (q[i] > 0) ok.add(i);
        return ok.get((int) (pick % ok.size()));
    }

    static Gen<Case> cases() {
        return s -> {
            Setup st = setups().generate(s);
            int k = st.q().length;
            int[] draft = new int[k];
            double[] u = new double[k];
            for (int i = 0; i < k; i++) {
                draft[i] = positiveToken(st.q()[i], s.choice(3));
                u[i] = Gens.unit(s);
            }
            return new Case(st.p(), st.q(), draft, u, Gens.unit(s));
        };
    }

    static Gen<Pair> pairs() {
        return s -> {
            int v = s.intBetween(2, 5);
            double[] p = distribution(v).generate(s);
            double[] q = s.chance(0.15) ? p.clone() : distribution(v).generate(s);
            return new Pair(p, q, positiveToken(q, s.choice(4)));
        };
    }

    static double accept(double[] p, double[] q, int x) { return Math.min(1, p[x] / q[x]); }

    static double[] residual(double[] p, double[] q) {
        double[] r = new double[p.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) sum += r[i] = Math.max(0, p[i] - q[i]);
        if (sum == 0) return p.clone();
        for (int i = 0; i < r.length; i++) r[i] /= sum;
        return r;
    }

    /**
     * The exact distribution of the emitted sequence, by enumeration: every draft sequence (weight
     * prod q), every accept/reject cell of each acceptU (widths a and 1 - a) and every cell of sampleU
     * in the distribution that will be sampled (widths d[y]); verify is called at each cell's midpoint.
     */
    static Map<String, Double> outcomes(SpeculativeDecoding subject, Setup st) {
        int k = st.q().length, v = st.p()[0].length;
        Map<String, Double> mass = new LinkedHashMap<>();
        int drafts = (int) Math.pow(v, k);
        for (int code = 0; code < drafts; code++) {
            int[] x = new int[k];
            double w = 1;
            for (int i = 0, c = code; i < k; i++, c /= v) {
                x[i] = c % v;
                w *= st.q()[i][x[i]];
            }
            if (w == 0) continue;
            for (int pattern = 0; pattern < (1 << k); pattern++) {
                double[] u = new double[k];
                double wu = w;
                int firstReject = -1;
                for (int i = 0; i < k; i++) {
                    double a = accept(st.p()[i], st.q()[i], x[i]);
                    boolean acc = (pattern >> i & 1) == 0;
                    u[i] = acc ? a / 2 : (1 + a) / 2;
                    wu *= acc ? a : 1 - a;
                    if (!acc && firstReject < 0) firstReject = i;
                }
                if (wu == 0) continue;
                double[] d = firstReject >= 0 ? residual(st.p()[firstReject], st.q()[firstReject]) : st.p()[k];
                double cum = 0;
                for (int y = 0; y < v; y++) {
                    double lo = cum;
                    cum += d[y];
                    if (d[y] == 0) continue;
                    int[] out = subject.verify(st.p(), st.q(), x, u, (lo + Math.min(cum, 1)) / 2);
                    mass.merge(Arrays.toString(out), wu * d[y], Double::sum);
                }
            }
        }
        return mass;
    }

    static int[] parse(String s) {
        String body = s.substring(1, s.length() - 1).trim();
        if (body.isEmpty()) return new int[0];
        return Arrays.stream(body.split(",\\s*")).mapToInt(Integer::parseInt).toArray();
    }

    @Override
    public Class<SpeculativeDecoding> contract() { return SpeculativeDecoding.class; }

    @Override
    public List<Check<SpeculativeDecoding>> checks() {
        return List.of(
            Check.<SpeculativeDecoding>oracle("verifyMatchesReference", ctx -> ctx.forAll(cases(), c ->
                equal("emitted tokens", ctx.oracle().verify(c.p(), c.q(), c.draft(), c.acceptU(), c.sampleU()),
                        pure("verify(p, q, draft, acceptU, sampleU)", () -> ctx.subject().verify(c.p(), c.q(), c.draft(), c.acceptU(), c.sampleU()),
                                c.p(), c.q(), c.draft(), c.acceptU()))))
                .enforces("acceptRule", "resampleOnReject", "bonusToken", "sampleRule", "verifyPure").hint("Accept draft i while acceptU[i] < min(1, p/q); at the first rejection sample from the residual with sampleU and stop; all accepted: one bonus token from p[k]."),

            Check.<SpeculativeDecoding>oracle("acceptanceAndResidualMatchReference", ctx -> ctx.forAll(pairs(), c -> {
                close("acceptanceProbability", ctx.oracle().acceptanceProbability(c.p(), c.q(), c.token()),
                        ctx.subject().acceptanceProbability(c.p(), c.q(), c.token()));
                close("residual", ctx.oracle().residual(c.p(), c.q()),
                        pure("residual(p, q)", () -> ctx.subject().residual(c.p(), c.q()), c.p(), c.q()));
            }))
                .enforces("acceptance", "residualValue", "residualNewArray").hint("acceptance = min(1, p[x] / q[x]); residual = max(0, p - q) / its sum (p.clone() when the sum is 0)."),

            Check.<SpeculativeDecoding>invariant("acceptanceIsMinOfOneAndTheRatio", ctx -> ctx.forAll(pairs(), c -> {
                double a = ctx.subject().acceptanceProbability(c.p(), c.q(), c.token());
                that(a >= 0 && a <= 1, () -> "acceptance probability " + a + " is outside [0, 1]: cap p/q at 1");
                close("acceptance probability (p >= q accepts surely, else p/q)", accept(c.p(), c.q(), c.token()), a);
            })).hint("min(1, p(x) / q(x)): a token the target likes more than the draft is always accepted.")
                .enforces("acceptance"),

            Check.<SpeculativeDecoding>invariant("residualIsTheNormalisedPositivePartOfPMinusQ", ctx -> ctx.forAll(pairs(), c -> {
                double[] r = ctx.subject().residual(c.p(), c.q());
                that(r.length == c.p().length, () -> "residual has length " + r.length);
                finite("residual", r);
                close("sum of the residual", 1.0, Arrays.stream(r).sum(), Tolerance.of(0, 1e-12));
                boolean equalPq = Arrays.equals(c.p(), c.q());
                for (int i = 0; i < r.length; i++) {
                    int k = i;
                    that(r[k] >= 0, () -> "residual[" + k + "] = " + r[k] + " is negative");
                    if (!equalPq && c.p()[k] <= c.q()[k]) {
                        that(r[k] == 0, () -> "residual[" + k + "] = " + r[k] + " but p <= q there (p = " + c.p()[k] + ", q = " + c.q()[k]
                                + "): only tokens the draft under-proposes are resampled");
                    }
                }
                close("residual", residual(c.p(), c.q()), r);
            })).hint("Resample from max(0, p - q), renormalised, not from p: the accepted drafts already supplied min(p, q).")
                .enforces("residualValue"),

            Check.<SpeculativeDecoding>invariant("residualReturnsANewArrayEvenWhenPEqualsQ", ctx -> ctx.forAll(pairs(), c -> {
                fresh("residual(p, q)", () -> ctx.subject().residual(c.p(), c.q()), c.p(), c.q());
                double[] same = c.p().clone();
                double[] r = fresh("residual(p, p) (p equals q: a copy of p)", () -> ctx.subject().residual(c.p(), same), c.p(), same);
                close("residual(p, p) (a copy of p)", c.p(), r);
            })).enforces("residualNewArray", "residualValue")
                .hint("When max(0, p - q) sums to 0 return p.clone(), not p: the caller owns p, and the residual is a new distribution."),

            Check.<SpeculativeDecoding>invariant("oneStepReproducesTheTargetExactly", ctx -> ctx.forAll(pairs(), c -> {
                int v = c.p().length;
                double[] r = ctx.subject().residual(c.p(), c.q());
                double reject = 0;
                double[] out = new double[v];
                for (int x = 0; x < v; x++) {
                    if (c.q()[x] == 0) continue;
                    double a = ctx.subject().acceptanceProbability(c.p(), c.q(), x);
                    out[x] += c.q()[x] * a;
                    reject += c.q()[x] * (1 - a);
                }
                for (int y = 0; y < v; y++) out[y] += reject * r[y];
                close("P(token) = sum_x q(x) [a(x) 1{x = y} + (1 - a(x)) r(y)], which must be p(y)", c.p(), out, EXACT_ENOUGH);
            }))
                .enforces("acceptance", "residualValue", "targetDistribution").hint("q(x) a(x) + P(reject) r(y) must rebuild p(y): check the cap at 1 and that r is max(0, p - q) renormalised."),

            Check.<SpeculativeDecoding>invariant("emittedTokensFollowTheTargetExactlyOverAllOutcomes", ctx -> ctx.forAll(40, setups(), st -> {
                Map<String, Double> mass = outcomes(ctx.subject(), st);
                int k = st.q().length, v = st.p()[0].length;
                double total = 0;
                Map<String, double[]> next = new LinkedHashMap<>();
                for (Map.Entry<String, Double> e : mass.entrySet()) {
                    int[] seq = parse(e.getKey());
                    that(seq.length >= 1 && seq.length <= k + 1, () -> "verify emitted " + e.getKey() + ": expected 1 to " + (k + 1) + " tokens");
                    total += e.getValue();
                    for (int j = 0; j < seq.length; j++) {
                        int t = seq[j];
                        that(t >= 0 && t < v, () -> "token " + t + " is outside the vocabulary");
                        next.computeIfAbsent(Arrays.toString(Arrays.copyOf(seq, j)), key -> new double[v])[t] += e.getValue();
                    }
                }
                close("total probability of all outcomes", 1.0, total, EXACT_ENOUGH);
                for (Map.Entry<String, double[]> e : next.entrySet()) {
                    int j = parse(e.getKey()).length;
                    double reach = Arrays.stream(e.getValue()).sum();
                    double[] cond = new double[v];
                    for (int y = 0; y < v; y++) cond[y] = e.getValue()[y] / reach;
                    close("distribution of emitted token " + j + " after " + e.getKey() + " (must be the target's p[" + j + "])",
                            st.p()[j], cond, EXACT_ENOUGH);
                }
                double expectedLength = 0, reachAll = 1;
                for (int i = 0; i <= k; i++) {
                    expectedLength += reachAll;
                    if (i < k) {
                        double beta = 0;
                        for (int y = 0; y < v; y++) beta += Math.min(st.p()[i][y], st.q()[i][y]);
                        reachAll *= beta;
                    }
                }
                double len = 0;
                for (Map.Entry<String, Double> e : mass.entrySet()) len += parse(e.getKey()).length * e.getValue();
                close("expected number of emitted tokens (sum over i of the chance that drafts 0..i-1 are all accepted)",
                        expectedLength, len, EXACT_ENOUGH);
            })).hint("On the first rejection stop and resample from norm(max(0, p - q)); if every draft is accepted, add one token sampled from p[k].")
                .enforces("targetDistribution", "resampleOnReject", "bonusToken"),

            Check.<SpeculativeDecoding>invariant("emitsTheAcceptedPrefixThenOneToken", ctx -> ctx.forAll(cases(), c -> {
                int[] out = ctx.subject().verify(c.p(), c.q(), c.draft(), c.acceptU(), c.sampleU());
                int k = c.draft().length;
                int accepted = 0;
                while (accepted < k && c.acceptU()[accepted] < accept(c.p()[accepted], c.q()[accepted], c.draft()[accepted])) accepted++;
                int n = accepted;
                that(out.length == n + 1, () -> "with " + n + " of " + k + " drafts accepted, verify must emit " + (n + 1)
                        + " tokens (the accepted ones, then one resampled or bonus token), got " + Arrays.toString(out));
                for (int i = 0; i < n; i++) equal("emitted token " + i + " (an accepted draft)", c.draft()[i], out[i]);
            }))
                .enforces("acceptRule", "verifyPure").hint("Emit every accepted draft, then exactly one more token (resampled at the first rejection, or the bonus): k + 1 tokens at most."),

            Check.<SpeculativeDecoding>invariant("aDraftIsAcceptedOnlyWhenAcceptUIsStrictlyBelowTheRatio", ctx -> {
                ctx.example("p = [[0, 1], [0.5, 0.5]], q = [[0.5, 0.5]], draft = [0], acceptU = [0], sampleU = 0.5: the target gives the draft "
                        + "probability 0, so even acceptU = 0 rejects it", () ->
                    equal("emitted tokens (rejected, then token 1 from the residual [0, 1])", new int[] {1},
                            ctx.subject().verify(new double[][] {{0, 1}, {0.5, 0.5}}, new double[][] {{0.5, 0.5}}, new int[] {0}, new double[] {0}, 0.5)));
                ctx.example("p = [[0.25, 0.75], [0.5, 0.5]], q = [[0.5, 0.5]], draft = [0], acceptU = [0.5], sampleU = 0.5: acceptU equals "
                        + "the ratio 0.25 / 0.5 exactly, which rejects", () ->
                    equal("emitted tokens (rejected, then token 1 from the residual [0, 1])", new int[] {1},
                            ctx.subject().verify(new double[][] {{0.25, 0.75}, {0.5, 0.5}}, new double[][] {{0.5, 0.5}}, new int[] {0}, new double[] {0.5}, 0.5)));
            }).hint("Accept when acceptU < min(1, p/q), strictly: a token the target never emits must never be accepted.")
                .enforces("acceptRule"),

            Check.<SpeculativeDecoding>invariant("theSampledTokenIsTheFirstWhoseCumulativeExceedsSampleU", ctx -> {
                double[][] q = {{0.2, 0.2, 0.2, 0.2, 0.2}};
                ctx.example("bonus token from p[1] = [0, 1, 0, 0, 0] with sampleU = 0: the cumulative 0 of token 0 is not > 0", () ->
                    equal("emitted tokens (draft 0 accepted, then the bonus token 1)", new int[] {0, 1},
                            ctx.subject().verify(new double[][] {q[0], {0, 1, 0, 0, 0}}, q, new int[] {0}, new double[] {0.5}, 0)));
                ctx.example("bonus token from p[1] = [0.1, 0.7, 0.1, 0.1, 0] with sampleU = 0.9999999999999999: summed left to right the "
                        + "cumulative only reaches 0.9999999999999999, never > sampleU, so the last token of positive probability (3)", () ->
                    equal("emitted tokens (draft 0 accepted, then the bonus token 3)", new int[] {0, 3},
                            ctx.subject().verify(new double[][] {q[0], {0.1, 0.7, 0.1, 0.1, 0}}, q, new int[] {0}, new double[] {0.5}, Math.nextDown(1.0))));
            }).hint("Walk the cumulative sum left to right and stop at the first value > u; if none is (rounding), take the last token of positive probability.")
                .enforces("sampleRule", "bonusToken")
        );
    }
}
