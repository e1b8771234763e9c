package katagym.attention;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.Checks;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class KvCacheDecodingSpec implements KataSpec<KvCacheDecoding> {

    /** One sequence: queries and keys {@code [n][dk]}, values {@code [n][dv]}. */
    record Case(double[][] q, double[][] k, double[][] v) {}

    static final Tolerance LOOSE = Tolerance.of(1e-9, 1e-10);

    static Gen<Case> cases() {
        return s -> {
            int n = s.intBetween(1, 6), dk = s.intBetween(1, 4), dv = s.intBetween(1, 3);
            Gen<Double> x = Gens.doubles(-3, 3);
            return new Case(Gens.matrix(n, dk, x).generate(s), Gens.matrix(n, dk, x).generate(s), Gens.matrix(n, dv, x).generate(s));
        };
    }

    /** A sequence whose queries are multiplied by {@code factor}, so that scores reach the hundreds. */
    record ScaledCase(Case c, double factor) {
        double[][] q() {
            double[][] out = new double[c.q().length][];
            for (int i = 0; i < out.length; i++) {
                out[i] = c.q()[i].clone();
                for (int j = 0; j < out[i].length; j++) out[i][j] *= factor;
            }
            return out;
        }
    }

    @Override
    public Class<KvCacheDecoding> contract() { return KvCacheDecoding.class; }

    @Override
    public List<Check<KvCacheDecoding>> checks() {
        return List.of(
            Check.<KvCacheDecoding>oracle("decodeMatchesReference", ctx -> ctx.forAll(cases(), c ->
                close("decode(q, k, v)", ctx.oracle().decode(c.q(), c.k(), c.v()),
                        pure("decode(q, k, v)", () -> ctx.subject().decode(c.q(), c.k(), c.v()), c.q(), c.k(), c.v())))),

            Check.<KvCacheDecoding>oracle("stepsMatchReference", ctx -> ctx.forAll(cases(), c -> {
                int n = c.q().length;
                KvCacheDecoding.Cache mine = new KvCacheDecoding.Cache(n, c.k()[0].length, c.v()[0].length);
                KvCacheDecoding.Cache theirs = new KvCacheDecoding.Cache(n, c.k()[0].length, c.v()[0].length);
                for (int t = 0; t < n; t++) {
                    int u = t;
                    double[] expected = ctx.oracle().step(theirs, c.q()[t], c.k()[t], c.v()[t]);
                    double[] actual = pure("step " + t, () -> ctx.subject().step(mine, c.q()[u], c.k()[u], c.v()[u]), c.q()[t], c.k()[t], c.v()[t]);
                    close("output of step " + t, expected, actual);
                }
            })),

            Check.<KvCacheDecoding>invariant("decodeEqualsFullCausalAttention", ctx -> ctx.forAll(cases(), c -> {
                double[][] out = ctx.subject().decode(c.q(), c.k(), c.v());
                shape("decode(q, k, v)", out, c.q().length, c.v()[0].length);
                close("decode(q, k, v) (must equal causal softmax(q k^T / sqrt(dk)) v)",
                        AttentionChecks.sdpa(c.q(), c.k(), c.v(), true), out, LOOSE);
            })).hint("Each step must append its own key and value before attending: token t sees tokens 0..t."),

            Check.<KvCacheDecoding>invariant("eachStepEqualsCausalAttentionAtItsPosition", ctx -> ctx.forAll(cases(), c -> {
                int n = c.q().length;
                double[][] full = AttentionChecks.sdpa(c.q(), c.k(), c.v(), true);
                KvCacheDecoding.Cache cache = new KvCacheDecoding.Cache(n, c.k()[0].length, c.v()[0].length);
                for (int t = 0; t < n; t++) {
                    double[] out = ctx.subject().step(cache, c.q()[t], c.k()[t], c.v()[t]);
                    int u = t;
                    that(cache.length() == t + 1, () -> "after step " + u + " the cache holds " + cache.length() + " tokens, expected " + (u + 1));
                    equal("cached key of token " + t, c.k()[t], cache.keys()[t].clone());
                    equal("cached value of token " + t, c.v()[t], cache.values()[t].clone());
                    finite("output of step " + t, out);
                    close("output of step " + t + " (row " + t + " of full causal attention)", full[t], out, LOOSE);
                }
            })),

            Check.<KvCacheDecoding>invariant("stepsWorkWhenTheCallerReusesItsBuffers", ctx -> ctx.forAll(cases(), c -> {
                int n = c.q().length;
                double[][] full = AttentionChecks.sdpa(c.q(), c.k(), c.v(), true);
                KvCacheDecoding.Cache cache = new KvCacheDecoding.Cache(n, c.k()[0].length, c.v()[0].length);
                double[] qBuf = new double[c.q()[0].length], kBuf = new double[c.k()[0].length], vBuf = new double[c.v()[0].length];
                for (int t = 0; t < n; t++) {
                    System.arraycopy(c.q()[t], 0, qBuf, 0, qBuf.length);
                    System.arraycopy(c.k()[t], 0, kBuf, 0, kBuf.length);
                    System.arraycopy(c.v()[t], 0, vBuf, 0, vBuf.length);
                    double[] out = ctx.subject().step(cache, qBuf, kBuf, vBuf);
                    close("output of step " + t + " with one reused buffer for q, k, v", full[t], out, LOOSE);
                }
            })).hint("append must copy k and v into the cache's own rows: the caller overwrites its buffers at the next token."),

            Check.<KvCacheDecoding>stability("finiteAndExactForScoresOfAThousand", ctx -> ctx.forAll(s ->
                    new ScaledCase(cases().generate(s), Gens.oneOf(100.0, 300.0).generate(s)), sc -> {
                Case c = sc.c();
                double[][] q = sc.q();
                double[][] out = ctx.subject().decode(q, c.k(), c.v());
                shape("decode(q, k, v)", out, q.length, c.v()[0].length);
                finite("decode(q, k, v)", out);
                close("decode(q * " + sc.factor() + ", k, v) (vs a max-subtracted causal softmax)", AttentionChecks.sdpa(q, c.k(), c.v(), true), out, LOOSE);
            })).hint("exp(1000) is Infinity: subtract the maximum score over the cached rows before exponentiating."),

            Check.<KvCacheDecoding>invariant("attendLeavesTheCacheUnchanged", ctx -> ctx.forAll(cases(), c -> {
                int n = c.q().length;
                KvCacheDecoding.Cache cache = new KvCacheDecoding.Cache(n, c.k()[0].length, c.v()[0].length);
                for (int t = 0; t < n; t++) ctx.subject().append(cache, c.k()[t], c.v()[t]);
                that(cache.length() == n, () -> "after " + n + " appends the cache holds " + cache.length() + " tokens");
                double[] out = Checks.pure("attend(cache, q)", () -> ctx.subject().attend(cache, c.q()[n - 1]), cache.keys(), cache.values(), c.q()[n - 1]);
                that(cache.length() == n, () -> "attend changed the cache length to " + cache.length());
                close("attend(cache, q) over the whole sequence", AttentionChecks.sdpa(c.q(), c.k(), c.v(), true)[n - 1], out, LOOSE);
            }))
        );
    }
}
