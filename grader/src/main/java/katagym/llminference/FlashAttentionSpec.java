package katagym.llminference;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;

import java.util.ArrayList;
import java.util.List;
import katagym.attention.AttentionChecks;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class FlashAttentionSpec implements KataSpec<FlashAttention> {

    /** Queries {@code q[n][dk]}, keys, values, a block size and the mask flag. */
    record Case(double[][] q, double[][] k, double[][] v, int blockSize, boolean causal) {}

    /** One query, its keys and values, and where they are cut into blocks (ascending cut points). */
    record Split(double[] q, double[][] k, double[][] v, int[] cuts) {}

    static final Tolerance LOOSE = Tolerance.of(1e-9, 1e-10);

    static Gen<Case> cases(Gen<Double> qValues) {
        return s -> {
            int n = s.intBetween(1, 5), m = s.intBetween(1, 6), dk = s.intBetween(1, 4), dv = s.intBetween(1, 3);
            int blockSize = s.intBetween(1, m + 1);
            boolean causal = s.choice(1) == 1;
            Gen<Double> x = Gens.doubles(-2, 2);
            return new Case(Gens.matrix(n, dk, qValues).generate(s), Gens.matrix(m, dk, x).generate(s),
                    Gens.matrix(m, dv, Gens.doubles(-3, 3)).generate(s), blockSize, causal);
        };
    }

    static Gen<Split> splits(Gen<Double> qValues) {
        return s -> {
            int m = s.intBetween(1, 6), dk = s.intBetween(1, 4), dv = s.intBetween(1, 3);
            Gen<Double> x = Gens.doubles(-2, 2);
            double[] q = Gens.vector(dk, qValues).generate(s);
            double[][] k = Gens.matrix(m, dk, x).generate(s), v = Gens.matrix(m, dv, Gens.doubles(-3, 3)).generate(s);
            List<Integer> cuts = new ArrayList<>();
            for (int j = 1; j < m; j++) if (s.choice(1) == 1) cuts.add(j);
            return new Split(q, k, v, cuts.stream().mapToInt(Integer::intValue).toArray());
        };
    }

    /** Rows [from, to) of m. */
    static double[][] slice(double[][] m, int from, int to) {
        double[][] out = new double[to - from][];
        for (int j = from; j < to; j++) out[j - from] = m[j];
        return out;
    }

    /** Folds the split's blocks into the subject's state, one update per block, from the empty state. */
    static FlashAttention.State fold(FlashAttention f, Split sp) {
        FlashAttention.State st = FlashAttention.State.empty(sp.v()[0].length);
        int start = 0;
        for (int b = 0; b <= sp.cuts().length; b++) {
            int end = b < sp.cuts().length ? sp.cuts()[b] : sp.k().length;
            st = f.update(st, sp.q(), slice(sp.k(), start, end), slice(sp.v(), start, end));
            that(st != null, "update returned null");
            start = end;
        }
        return st;
    }

    /** The spec's own statistics of the query over all its keys: {max, sum, acc...}. */
    static double[] expectedState(Split sp) {
        int m = sp.k().length, dv = sp.v()[0].length;
        double[] s = new double[m];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            double dot = 0;
            for (int c = 0; c < sp.q().length; c++) dot += sp.q()[c] * sp.k()[j][c];
            s[j] = dot / Math.sqrt(sp.q().length);
            max = Math.max(max, s[j]);
        }
        double[] out = new double[2 + dv];
        out[0] = max;
        for (int j = 0; j < m; j++) {
            double p = Math.exp(s[j] - max);
            out[1] += p;
            for (int c = 0; c < dv; c++) out[2 + c] += p * sp.v()[j][c];
        }
        return out;
    }

    static void stateIs(String what, double[] expected, FlashAttention.State st) {
        close(what + ": max", expected[0], st.max(), LOOSE);
        close(what + ": sum (of exp(s_j - max))", expected[1], st.sum(), LOOSE);
        double[] acc = new double[expected.length - 2];
        System.arraycopy(expected, 2, acc, 0, acc.length);
        close(what + ": acc (sum of exp(s_j - max) v_j)", acc, st.acc(), LOOSE);
    }

    @Override
    public Class<FlashAttention> contract() { return FlashAttention.class; }

    @Override
    public List<Check<FlashAttention>> checks() {
        return List.of(
            Check.<FlashAttention>oracle("forwardMatchesReference", ctx -> ctx.forAll(cases(Gens.logits()), c ->
                close("out", ctx.oracle().forward(c.q(), c.k(), c.v(), c.blockSize(), c.causal()),
                        pure("forward(q, k, v, blockSize, causal)", () -> ctx.subject().forward(c.q(), c.k(), c.v(), c.blockSize(), c.causal()),
                                c.q(), c.k(), c.v()))))
                .enforces("forwardValue", "causalMask", "forwardNewArray").hint("forward = plain softmax attention whatever the block size: fold the visible keys block by block with update, then finish."),

            Check.<FlashAttention>oracle("updateMatchesReference", ctx -> ctx.forAll(splits(Gens.doubles()), sp -> {
                int cut = sp.cuts().length == 0 ? sp.k().length : sp.cuts()[0];
                FlashAttention.State first = ctx.oracle().update(FlashAttention.State.empty(sp.v()[0].length), sp.q(),
                        slice(sp.k(), 0, cut), slice(sp.v(), 0, cut));
                double[][] kb = slice(sp.k(), cut, sp.k().length), vb = slice(sp.v(), cut, sp.v().length);
                FlashAttention.State expected = ctx.oracle().update(first, sp.q(), kb, vb);
                FlashAttention.State actual = pure("update(state, q, kBlock, vBlock)", () -> ctx.subject().update(first, sp.q(), kb, vb),
                        first.acc(), sp.q(), kb, vb);
                that(actual != null, "update returned null");
                close("max", expected.max(), actual.max());
                close("sum", expected.sum(), actual.sum());
                close("acc", expected.acc(), actual.acc());
                close("finish", ctx.oracle().finish(expected), ctx.subject().finish(expected));
            }))
                .enforces("updateStatistics", "rescaleBoth", "finishValue", "updateReturnsNewState").hint("Compare your update's max, sum and acc with the definitions: sum and acc are taken relative to the NEW max."),

            Check.<FlashAttention>invariant("anyBlockSizeGivesAttention", ctx -> ctx.forAll(cases(Gens.doubles(-3, 3)), c -> {
                double[][] out = ctx.subject().forward(c.q(), c.k(), c.v(), c.blockSize(), c.causal());
                shape("out", out, c.q().length, c.v()[0].length);
                close("forward with blocks of " + c.blockSize() + " keys (must equal softmax(q k^T / sqrt(dk)" + (c.causal() ? " + causal mask" : "") + ") v)",
                        AttentionChecks.sdpa(c.q(), c.k(), c.v(), c.causal()), out, LOOSE);
            })).hint("Causal: query i may use keys 0..i only; cut the block that contains i after key i and skip later blocks.")
                .enforces("forwardValue", "causalMask"),

            Check.<FlashAttention>invariant("theStateDoesNotDependOnHowTheKeysAreSplit", ctx -> ctx.forAll(splits(Gens.doubles(-3, 3)), sp ->
                stateIs("state after the blocks cut at " + java.util.Arrays.toString(sp.cuts()), expectedState(sp), fold(ctx.subject(), sp))))
                .hint("When a block raises the max from m to m', multiply BOTH the running sum and the accumulator by exp(m - m') before adding the block's terms.")
                .enforces("updateStatistics", "rescaleBoth"),

            Check.<FlashAttention>invariant("anEmptyBlockReturnsAnEqualState", ctx -> ctx.forAll(splits(Gens.doubles(-3, 3)), sp -> {
                FlashAttention.State st = ctx.subject().update(fold(ctx.subject(), sp), sp.q(), new double[0][], new double[0][]);
                that(st != null, "update returned null for an empty block");
                stateIs("state after all the keys, then an empty block", expectedState(sp), st);
            })).hint("An empty block adds no term and must not move the max: return the state as it was (its acc copied).")
                .enforces("emptyBlock"),

            Check.<FlashAttention>invariant("finishingTheStateGivesTheSoftmaxAverage", ctx -> ctx.forAll(splits(Gens.doubles(-3, 3)), sp -> {
                double[] out = ctx.subject().finish(fold(ctx.subject(), sp));
                close("finish(state) after all the keys", AttentionChecks.sdpa(new double[][] {sp.q()}, sp.k(), sp.v(), false)[0], out, LOOSE);
            }))
                .enforces("finishValue").hint("finish divides each acc entry by the sum: acc / sum is the softmax-weighted average of the values."),

            Check.<FlashAttention>invariant("updateAndFinishReturnNewArraysAndLeaveTheStateAlone", ctx -> ctx.forAll(splits(Gens.doubles(-3, 3)), sp -> {
                FlashAttention.State st = fold(ctx.subject(), sp);
                double[][] noKeys = new double[0][];
                int last = sp.cuts().length == 0 ? 0 : sp.cuts()[sp.cuts().length - 1];
                double[][] kb = slice(sp.k(), last, sp.k().length), vb = slice(sp.v(), last, sp.v().length);
                pure("update(state, q, kBlock, vBlock)", () -> fresh("update(state, q, kBlock, vBlock).acc()",
                        () -> ctx.subject().update(st, sp.q(), kb, vb).acc(), st.acc(), sp.q(), kb, vb), st.acc());
                pure("update(state, q, [], []) (an empty block)", () -> fresh("update(state, q, [], []).acc()",
                        () -> ctx.subject().update(st, sp.q(), noKeys, noKeys).acc(), st.acc()), st.acc());
                pure("finish(state)", () -> fresh("finish(state)", () -> ctx.subject().finish(st), st.acc()), st.acc());
            })).enforces("updateReturnsNewState", "emptyBlock", "finishValue")
                .hint("States are values: build a new acc array in every update (even for an empty block: copy it) and in finish; never rescale or divide the argument's acc in place, nor keep one buffer in a field."),

            Check.<FlashAttention>invariant("forwardReturnsANewArray", ctx -> ctx.forAll(cases(Gens.doubles(-3, 3)), c ->
                fresh("forward(q, k, v, blockSize, causal)", () -> ctx.subject().forward(c.q(), c.k(), c.v(), c.blockSize(), c.causal()),
                        c.q(), c.k(), c.v())))
                .enforces("forwardNewArray")
                .hint("Allocate out = new double[n][] in forward and a new row per query (finish gives one)."),

            Check.<FlashAttention>example("handWorkedStates", ctx -> {
                ctx.example("state (max 0, sum 1, acc [2]), q = [1], block k = [[1]], v = [[4]]: the score 1 raises the max to 1", () -> {
                    FlashAttention.State st = ctx.subject().update(new FlashAttention.State(0, 1, new double[] {2}), new double[] {1},
                            new double[][] {{1}}, new double[][] {{4}});
                    that(st != null, "update returned null");
                    close("max", 1.0, st.max());
                    close("sum (1 * e^-1 + 1)", Math.exp(-1) + 1, st.sum());
                    close("acc (2 * e^-1 + 4)", new double[] {2 * Math.exp(-1) + 4}, st.acc());
                });
                ctx.example("state (max 2, sum 1, acc [3]), q = [1], block k = [[1]], v = [[4]]: the score 1 does not move the max", () -> {
                    FlashAttention.State st = ctx.subject().update(new FlashAttention.State(2, 1, new double[] {3}), new double[] {1},
                            new double[][] {{1}}, new double[][] {{4}});
                    that(st != null, "update returned null");
                    close("max", 2.0, st.max());
                    close("sum (1 + e^-1)", 1 + Math.exp(-1), st.sum());
                    close("acc (3 + 4 e^-1)", new double[] {3 + 4 * Math.exp(-1)}, st.acc());
                });
                ctx.example("causal, n = 3 queries (all zero), m = 2 keys, v = [[2], [4]], blockSize 1: query 2 uses both keys", () ->
                    close("out", new double[][] {{2}, {3}, {3}}, ctx.subject().forward(new double[3][1], new double[2][1],
                            new double[][] {{2}, {4}}, 1, true)));
            }).enforces("updateStatistics", "rescaleBoth", "causalMask")
                .hint("new max m2 = max(old max, block max); multiply the old sum and acc by exp(old max - m2); causal query i sees keys 0..min(i, m - 1)."),

            Check.<FlashAttention>stability("finiteForScoresOfAThousand", ctx -> ctx.forAll(cases(Gens.extremes()), c -> {
                double[][] out = ctx.subject().forward(c.q(), c.k(), c.v(), c.blockSize(), c.causal());
                finite("out", out);
                close("out (vs a max-subtracted softmax)", AttentionChecks.sdpa(c.q(), c.k(), c.v(), c.causal()), out, LOOSE);
            })).hint("Every exponent must be a score minus the running max, so exp never sees a positive argument.")
                .enforces("stable")
        );
    }
}
