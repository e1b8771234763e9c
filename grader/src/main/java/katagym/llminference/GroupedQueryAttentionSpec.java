package katagym.llminference;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;

import java.util.List;
import katagym.attention.AttentionChecks;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class GroupedQueryAttentionSpec implements KataSpec<GroupedQueryAttention> {

    /** {@code q[hq][n][dh]}, {@code k[hkv][m][dh]}, {@code v[hkv][m][dv]} and the mask flag. */
    record Case(double[][][] q, double[][][] k, double[][][] v, boolean causal) {}

    static final Tolerance LOOSE = Tolerance.of(1e-9, 1e-10);

    /** hkv heads, each shared by {@code group} query heads (either fixed when >= 1, else drawn); hq <= 4. */
    static Gen<Case> cases(int fixedHkv, int fixedGroup) {
        return cases(fixedHkv, fixedGroup, Gens.doubles(-2, 2));
    }

    /** As {@link #cases(int, int)} with the queries drawn from {@code qValues}. */
    static Gen<Case> cases(int fixedHkv, int fixedGroup, Gen<Double> qValues) {
        return s -> {
            int hkv = fixedHkv >= 1 ? fixedHkv : s.intBetween(1, 2);
            int group = fixedGroup >= 1 ? fixedGroup : s.intBetween(1, 4 / hkv);
            int hq = hkv * group;
            int n = s.intBetween(1, 4), m = s.intBetween(1, 4), dh = s.intBetween(1, 3), dv = s.intBetween(1, 3);
            boolean causal = s.choice(1) == 1;
            Gen<Double> x = Gens.doubles(-2, 2);
            return new Case(Gens.tensor3(hq, n, dh, qValues).generate(s), Gens.tensor3(hkv, m, dh, x).generate(s),
                    Gens.tensor3(hkv, m, dv, x).generate(s), causal);
        };
    }

    /** Key/value head g repeated group times in a row (PyTorch's repeat_interleave along the head axis). */
    static double[][][] repeatInterleave(double[][][] t, int group) {
        double[][][] out = new double[t.length * group][][];
        for (int h = 0; h < out.length; h++) out[h] = t[h / group];
        return out;
    }

    static double[][][] forward(GroupedQueryAttention gqa, Case c) {
        double[][][] out = gqa.forward(c.q(), c.k(), c.v(), c.causal());
        shape("out", out, c.q().length, c.q()[0].length, c.v()[0][0].length);
        return out;
    }

    @Override
    public Class<GroupedQueryAttention> contract() { return GroupedQueryAttention.class; }

    @Override
    public List<Check<GroupedQueryAttention>> checks() {
        return List.of(
            Check.<GroupedQueryAttention>oracle("forwardMatchesReference", ctx -> ctx.forAll(cases(0, 0), c ->
                close("out", ctx.oracle().forward(c.q(), c.k(), c.v(), c.causal()),
                        pure("forward(q, k, v, causal)", () -> ctx.subject().forward(c.q(), c.k(), c.v(), c.causal()), c.q(), c.k(), c.v()))))
                .enforces("scaledDotProductAttention", "kvHeadOfQueryHead", "causalMask", "newArray").hint("Per query head h: kv head g = h / (hq / hkv), scores q k^T / sqrt(dh), a max-subtracted softmax over the visible keys, times v_g."),

            Check.<GroupedQueryAttention>invariant("oneKvHeadPerQueryHeadIsMultiHeadAttention", ctx -> ctx.forAll(cases(0, 1), c -> {
                double[][][] out = forward(ctx.subject(), c);
                for (int h = 0; h < out.length; h++) {
                    close("out[" + h + "] with hkv = hq (must be softmax(q_h k_h^T / sqrt(dh)) v_h)",
                            AttentionChecks.sdpa(c.q()[h], c.k()[h], c.v()[h], c.causal()), out[h], LOOSE);
                }
            })).hint("Each head is scaled by 1/sqrt(dh), its own width; causal means key j <= query i.")
                .enforces("scaledDotProductAttention", "causalMask"),

            Check.<GroupedQueryAttention>invariant("oneKvHeadForAllIsMultiQueryAttention", ctx -> ctx.forAll(cases(1, 0), c -> {
                double[][][] out = forward(ctx.subject(), c);
                for (int h = 0; h < out.length; h++) {
                    close("out[" + h + "] with hkv = 1 (every query head attends to the one shared k, v)",
                            AttentionChecks.sdpa(c.q()[h], c.k()[0], c.v()[0], c.causal()), out[h], LOOSE);
                }
            }))
                .enforces("kvHeadOfQueryHead", "scaledDotProductAttention").hint("With hkv = 1 every query head reads kv head 0: h / (hq / 1) is always 0."),

            Check.<GroupedQueryAttention>invariant("sharingEqualsRepeatingEachKvHeadForItsGroup", ctx -> ctx.forAll(cases(2, 2), c -> {
                double[][][] grouped = forward(ctx.subject(), c);
                int group = c.q().length / c.k().length;
                double[][][] repeated = ctx.subject().forward(c.q(), repeatInterleave(c.k(), group), repeatInterleave(c.v(), group), c.causal());
                close("out with kv heads shared (must equal out with each kv head repeated for its "
                        + group + " consecutive query heads)", repeated, grouped, LOOSE);
            })).hint("Query heads 0..g-1 share kv head 0, heads g..2g-1 share kv head 1: the kv head is h / g, not h % hkv.")
                .enforces("kvHeadOfQueryHead"),

            Check.<GroupedQueryAttention>stability("finiteForScoresOfAThousand", ctx -> ctx.forAll(cases(0, 0, Gens.extremes()), c -> {
                double[][][] out = forward(ctx.subject(), c);
                int group = c.q().length / c.k().length;
                finite("out", out);
                for (int h = 0; h < out.length; h++) {
                    close("out[" + h + "] (vs a max-subtracted softmax over kv head " + h / group + ")",
                            AttentionChecks.sdpa(c.q()[h], c.k()[h / group], c.v()[h / group], c.causal()), out[h], LOOSE);
                }
            })).hint("Subtract each row's largest score before exp: scores of a thousand overflow exp.")
                .enforces("stable"),

            Check.<GroupedQueryAttention>invariant("resultsAreNewArrays", ctx -> ctx.forAll(cases(0, 0), c ->
                fresh("forward(q, k, v, causal)", () -> ctx.subject().forward(c.q(), c.k(), c.v(), c.causal()), c.q(), c.k(), c.v())))
                .enforces("newArray")
                .hint("Allocate out inside forward; a field reused across calls is overwritten by the next call while the caller still holds the first result."),

            Check.<GroupedQueryAttention>example("handWorkedEdgeCases", ctx -> {
                ctx.example("hq = 6, hkv = 2, one query and one key per head, v of kv head g = [g]: heads 0-2 read kv head 0, heads 3-5 kv head 1", () -> {
                    double[][][] q = new double[6][1][1], k = new double[2][1][1], v = {{{0}}, {{1}}};
                    double[][][] out = ctx.subject().forward(q, k, v, false);
                    for (int h = 0; h < 6; h++) close("out[" + h + "] (the value of kv head " + h / 3 + ")", new double[][] {{h / 3}}, out[h]);
                });
                ctx.example("dh = 2, dv = 1: q = [[2, 0]], k = [[1, 0], [0, 0]], v = [[1], [0]]: scores 2 / sqrt(2) and 0", () -> {
                    double e = Math.exp(Math.sqrt(2));
                    close("out", new double[][][] {{{e / (e + 1)}}}, ctx.subject().forward(new double[][][] {{{2, 0}}},
                            new double[][][] {{{1, 0}, {0, 0}}}, new double[][][] {{{1}, {0}}}, false));
                });
                ctx.example("causal, n = 2 queries (all zero), m = 3 keys, v = [[1], [2], [4]]: query 0 sees key 0, query 1 keys 0 and 1", () ->
                    close("out", new double[][][] {{{1}, {1.5}}}, ctx.subject().forward(new double[][][] {{{0}, {0}}}, new double[][][] {{{0}, {0}, {0}}}, new double[][][] {{{1}, {2}, {4}}}, true)));
            }).enforces("kvHeadOfQueryHead", "scaledDotProductAttention", "causalMask")
                .hint("kv head = h / (hq / hkv); scale by 1/sqrt(dh) with dh the key width; causal keeps keys j <= i counted from the first key."),

            Check.<GroupedQueryAttention>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> close("out", g.output().tensor3("out"),
                            ctx.subject().forward(g.input().tensor3("q"), g.input().tensor3("k"), g.input().tensor3("v"), g.input().bool("causal"))));
                }
            })
                .enforces("scaledDotProductAttention", "kvHeadOfQueryHead", "causalMask").hint("These are PyTorch's scaled_dot_product_attention values with k and v repeated per group: compare head by head on the case shown.")
        );
    }
}
