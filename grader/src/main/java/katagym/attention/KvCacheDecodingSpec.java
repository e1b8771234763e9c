package katagym.attention;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.fresh;
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

    /** A sequence, how many of its tokens stay in the cache, and the stale rows written after them. */
    record StaleCase(Case c, int keep, double[][] staleK, double[][] staleV) {}

    static Gen<StaleCase> staleCases() {
        return s -> {
            Case c = cases().generate(s);
            int n = c.q().length, keep = s.intBetween(1, n);
            Gen<Double> x = Gens.doubles(-5, 5);
            return new StaleCase(c, keep, Gens.matrix(n + 2 - keep, c.k()[0].length, x).generate(s),
                    Gens.matrix(n + 2 - keep, c.v()[0].length, x).generate(s));
        };
    }

    @Override
    public Class<KvCacheDecoding> contract() { return KvCacheDecoding.class; }

    @Override
    public List<Check<KvCacheDecoding>> checks() {
        return List.of(
            Check.<KvCacheDecoding>oracle("decodeMatchesReference", ctx -> ctx.forAll(cases(), c ->
                close("decode(q, k, v)", ctx.oracle().decode(c.q(), c.k(), c.v()),
                        pure("decode(q, k, v)", () -> ctx.subject().decode(c.q(), c.k(), c.v()), c.q(), c.k(), c.v()))))
                .enforces("decodeValue", "newArrays").hint("decode = a fresh Cache(n, dk, dv), then step(cache, q[t], k[t], v[t]) for t = 0..n-1, one output row each."),

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
            })).enforces("stepOrder", "attendValue").hint("step = append(cache, k, v), then attend(cache, q): the current token must see its own key and value."),

            Check.<KvCacheDecoding>invariant("decodeEqualsFullCausalAttention", ctx -> ctx.forAll(cases(), c -> {
                double[][] out = ctx.subject().decode(c.q(), c.k(), c.v());
                shape("decode(q, k, v)", out, c.q().length, c.v()[0].length);
                close("decode(q, k, v) (must equal causal softmax(q k^T / sqrt(dk)) v)",
                        AttentionChecks.sdpa(c.q(), c.k(), c.v(), true), out, LOOSE);
            })).enforces("decodeValue", "stepOrder").hint("Each step must append its own key and value before attending: token t sees tokens 0..t."),

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
            })).enforces("appendCopies", "stepOrder", "attendValue")
                .hint("append writes row length() of the cache and then calls setLength(length + 1); attend divides the scores by sqrt(q.length)."),

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
            })).enforces("appendCopies").hint("append must copy k and v into the cache's own rows: the caller overwrites its buffers at the next token."),

            Check.<KvCacheDecoding>stability("finiteAndExactForScoresOfAThousand", ctx -> ctx.forAll(s ->
                    new ScaledCase(cases().generate(s), Gens.oneOf(100.0, 300.0).generate(s)), sc -> {
                Case c = sc.c();
                double[][] q = sc.q();
                double[][] out = ctx.subject().decode(q, c.k(), c.v());
                shape("decode(q, k, v)", out, q.length, c.v()[0].length);
                finite("decode(q, k, v)", out);
                close("decode(q * " + sc.factor() + ", k, v) (vs a max-subtracted causal softmax)", AttentionChecks.sdpa(q, c.k(), c.v(), true), out, LOOSE);
            })).enforces("stable").hint("exp(1000) is Infinity: subtract the maximum score over the cached rows before exponentiating."),

            Check.<KvCacheDecoding>invariant("attendLeavesTheCacheUnchanged", ctx -> ctx.forAll(cases(), c -> {
                int n = c.q().length;
                KvCacheDecoding.Cache cache = new KvCacheDecoding.Cache(n, c.k()[0].length, c.v()[0].length);
                for (int t = 0; t < n; t++) ctx.subject().append(cache, c.k()[t], c.v()[t]);
                that(cache.length() == n, () -> "after " + n + " appends the cache holds " + cache.length() + " tokens");
                double[] out = Checks.pure("attend(cache, q)", () -> ctx.subject().attend(cache, c.q()[n - 1]), cache.keys(), cache.values(), c.q()[n - 1]);
                that(cache.length() == n, () -> "attend changed the cache length to " + cache.length());
                close("attend(cache, q) over the whole sequence", AttentionChecks.sdpa(c.q(), c.k(), c.v(), true)[n - 1], out, LOOSE);
            })).enforces("attendPure", "attendValue").hint("attend only reads the cache: no append, no setLength, no scaling of the cached keys in place."),

            Check.<KvCacheDecoding>invariant("attendIgnoresStaleRowsAfterTheLength", ctx -> ctx.forAll(staleCases(), sc -> {
                Case c = sc.c();
                int n = c.q().length, keep = sc.keep();
                KvCacheDecoding.Cache cache = new KvCacheDecoding.Cache(n + 2, c.k()[0].length, c.v()[0].length);
                for (int t = 0; t < n; t++) ctx.subject().append(cache, c.k()[t], c.v()[t]);
                for (int r = keep; r < n + 2; r++) {
                    System.arraycopy(sc.staleK()[r - keep], 0, cache.keys()[r], 0, c.k()[0].length);
                    System.arraycopy(sc.staleV()[r - keep], 0, cache.values()[r], 0, c.v()[0].length);
                }
                cache.setLength(keep);
                double[] out = ctx.subject().attend(cache, c.q()[keep - 1]);
                close("attend after the length was set back to " + keep + " (rows " + keep + ".. hold stale data)",
                        AttentionChecks.sdpa(AttentionChecks.rows(c.q(), 0, keep), AttentionChecks.rows(c.k(), 0, keep),
                                AttentionChecks.rows(c.v(), 0, keep), true)[keep - 1], out, LOOSE);
            })).enforces("attendIgnoresUnusedRows").hint("Loop j < cache.length(): what the rows after it hold (zeros or stale tokens) says nothing about whether they are in use."),

            Check.<KvCacheDecoding>invariant("resultsAreNewArrays", ctx -> ctx.forAll(cases(), c -> {
                int n = c.q().length;
                KvCacheDecoding.Cache cache = new KvCacheDecoding.Cache(n, c.k()[0].length, c.v()[0].length);
                java.util.List<double[]> outputs = new java.util.ArrayList<>();
                for (int t = 0; t < n; t++) {
                    int u = t;
                    double[] out = ctx.subject().step(cache, c.q()[t], c.k()[t], c.v()[t]);
                    for (double[] earlier : outputs) that(earlier != out, () -> "step " + u + " returned the same array as an earlier step: allocate a new one per call");
                    that(out != c.v()[t] && out != c.k()[t] && out != c.q()[t], () -> "step " + u + " returned one of its arguments");
                    for (int r = 0; r < cache.capacity(); r++) {
                        int row = r;
                        that(out != cache.values()[r] && out != cache.keys()[r], () -> "step " + u + " returned row " + row + " of the cache");
                    }
                    outputs.add(out);
                }
                fresh("attend(cache, q)", () -> ctx.subject().attend(cache, c.q()[n - 1]), cache.keys(), cache.values(), c.q()[n - 1]);
                fresh("decode(q, k, v)", () -> ctx.subject().decode(c.q(), c.k(), c.v()), c.q(), c.k(), c.v());
            })).enforces("newArrays").hint("Return a new double[dv] from attend on every call: not v (even when one token makes its weight 1), not a cache row, not a field."),

            Check.<KvCacheDecoding>example("handWorkedEdgeCases", ctx -> {
                KvCacheDecoding kv = ctx.subject();
                ctx.example("one token, dk = 2, dv = 3: q = [1, 1], k = [0, 0], v = [5, 6, 7]", () -> {
                    KvCacheDecoding.Cache cache = new KvCacheDecoding.Cache(1, 2, 3);
                    double[] v = {5, 6, 7};
                    double[] out = kv.step(cache, new double[] {1, 1}, new double[] {0, 0}, v);
                    equal("step output (one token: weight 1)", new double[] {5, 6, 7}, out);
                    that(out != v && out != cache.values()[0], "step returned v (or its cache row) itself: return a new array");
                    equal("cache length after one step", 1, cache.length());
                });
                ctx.example("an all-zero key is a real key: k = [[0], [1]], v = [[1], [3]], query 1 = [0]", () -> {
                    close("decode (query 1 weighs both tokens equally: score 0 each)", new double[][] {{1}, {2}},
                            kv.decode(new double[][] {{0}, {0}}, new double[][] {{0}, {1}}, new double[][] {{1}, {3}}));
                });
                ctx.example("scale uses dk = 4, not dv = 1: q = [1, 1, 1, 1], keys [0,0,0,0] and [1,1,1,1]", () -> {
                    double[][] k = {{0, 0, 0, 0}, {1, 1, 1, 1}}, v = {{0}, {1}};
                    double p = 1 / (1 + Math.exp(-2));   // score 4 / sqrt(4) = 2
                    close("decode row 1", new double[] {p}, kv.decode(new double[][] {{1, 1, 1, 1}, {1, 1, 1, 1}}, k, v)[1]);
                });
            }).enforces("attendValue", "attendIgnoresUnusedRows", "newArrays", "stepOrder", "decodeValue")
                .hint("Smallest cases first: one token has weight 1 (copy its value into a new array), a zero key still counts, and the scale is 1/sqrt(q.length).")
        );
    }
}
