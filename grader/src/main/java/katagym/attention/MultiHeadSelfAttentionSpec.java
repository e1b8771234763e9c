package katagym.attention;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;

import java.util.List;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class MultiHeadSelfAttentionSpec implements KataSpec<MultiHeadSelfAttention> {

    /** Inputs {@code x[batch][n][dModel]}, the head count, the weights and the mask flag. */
    record Case(double[][][] x, int numHeads, MultiHeadSelfAttention.Weights w, boolean causal) {}

    /** A case, the head kept, and a position after which the tokens are replaced. */
    record Variant(Case c, int head, int t, double[][][] changedX) {}

    static final Tolerance LOOSE = Tolerance.of(1e-9, 1e-10);

    /** Batch 1-2, n 1-4, dModel 1-5, 1-3 heads of 1-2 dimensions each; heads == 1 when asked. */
    static Gen<Case> cases(boolean oneHead, boolean squareWo) {
        return s -> {
            int batch = s.intBetween(1, 2), n = s.intBetween(1, 4), dModel = s.intBetween(1, 5);
            int h = oneHead ? 1 : s.intBetween(1, 3);
            int dk = h * s.intBetween(1, 2);
            int dv = squareWo ? dModel : h * s.intBetween(1, 2);
            boolean causal = s.choice(1) == 1;
            double[][][] x = Gens.tensor3(batch, n, dModel, Gens.doubles(-2, 2)).generate(s);
            double[][] wq = AttentionChecks.matrix(dk, dModel, 1).generate(s);
            double[][] wk = AttentionChecks.matrix(dk, dModel, 1).generate(s);
            double[][] wv = AttentionChecks.matrix(dv, dModel, 1).generate(s);
            double[][] wo = AttentionChecks.matrix(dModel, dv, 1).generate(s);
            double[] bo = Gens.vector(dModel, Gens.doubles(-1, 1)).generate(s);
            return new Case(x, h, new MultiHeadSelfAttention.Weights(wq, wk, wv, wo, bo), causal);
        };
    }

    static double[][] identity(int d) {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) m[i][i] = 1;
        return m;
    }

    /** A case and the factor its query weights are multiplied by, so that scores reach the hundreds. */
    record ScaledCase(Case c, double factor) {}

    static double[][] scaled(double[][] m, double factor) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
            for (int j = 0; j < out[i].length; j++) out[i][j] *= factor;
        }
        return out;
    }

    @Override
    public Class<MultiHeadSelfAttention> contract() { return MultiHeadSelfAttention.class; }

    @Override
    public List<Check<MultiHeadSelfAttention>> checks() {
        return List.of(
            Check.<MultiHeadSelfAttention>oracle("forwardMatchesReference", ctx -> ctx.forAll(cases(false, false), c -> {
                MultiHeadSelfAttention.Weights w = c.w();
                close("out", ctx.oracle().forward(c.x(), c.numHeads(), w, c.causal()),
                        pure("forward(x, numHeads, w, causal)", () -> ctx.subject().forward(c.x(), c.numHeads(), w, c.causal()),
                                c.x(), w.wq(), w.wk(), w.wv(), w.wo(), w.bo()));
            })).enforces("forwardValue", "headColumns", "headScale", "causalMask", "newArray")
                .hint("Project, split into heads of contiguous columns, attend per head with scale 1/sqrt(dk/h), concatenate, then concat wo^T + bo."),

            Check.<MultiHeadSelfAttention>invariant("oneHeadIsScaledDotProductAttentionOnTheProjections", ctx -> ctx.forAll(cases(true, true), c -> {
                MultiHeadSelfAttention.Weights w = c.w();
                int dModel = c.x()[0][0].length;
                MultiHeadSelfAttention.Weights plain = new MultiHeadSelfAttention.Weights(w.wq(), w.wk(), w.wv(), identity(dModel), new double[dModel]);
                double[][][] out = ctx.subject().forward(c.x(), 1, plain, c.causal());
                shape("out", out, c.x().length, c.x()[0].length, dModel);
                for (int b = 0; b < c.x().length; b++) {
                    double[][] x = c.x()[b];
                    double[][] expected = AttentionChecks.sdpa(AttentionChecks.linear(x, w.wq(), null),
                            AttentionChecks.linear(x, w.wk(), null), AttentionChecks.linear(x, w.wv(), null), c.causal());
                    close("out[" + b + "] with one head, wo = I, bo = 0 (must be softmax(q k^T / sqrt(dk)) v)", expected, out[b], LOOSE);
                }
            })).enforces("headScale", "forwardValue").hint("With one head the scale is 1/sqrt(dk) where dk = wq.length, the projected width: not dModel."),

            Check.<MultiHeadSelfAttention>invariant("eachHeadIsAttentionOnItsOwnColumnBlock", ctx -> ctx.forAll(s -> {
                Case c = cases(false, false).generate(s);
                return new Variant(c, s.intBetween(0, c.numHeads() - 1), 0, null);
            }, vc -> {
                Case c = vc.c();
                MultiHeadSelfAttention.Weights w = c.w();
                int h = c.numHeads(), t = vc.head(), dk = w.wq().length / h, dv = w.wv().length / h;
                int dModel = c.x()[0][0].length;
                // keep head t only: zero the other heads' columns of wo and drop the bias
                double[][] wo = new double[dModel][w.wv().length];
                for (int o = 0; o < dModel; o++) System.arraycopy(w.wo()[o], t * dv, wo[o], t * dv, dv);
                double[][][] out = ctx.subject().forward(c.x(), h, new MultiHeadSelfAttention.Weights(w.wq(), w.wk(), w.wv(), wo, new double[dModel]), c.causal());
                shape("out", out, c.x().length, c.x()[0].length, dModel);
                for (int b = 0; b < c.x().length; b++) {
                    double[][] x = c.x()[b];
                    double[][] head = AttentionChecks.sdpa(AttentionChecks.linear(x, AttentionChecks.rows(w.wq(), t * dk, dk), null),
                            AttentionChecks.linear(x, AttentionChecks.rows(w.wk(), t * dk, dk), null),
                            AttentionChecks.linear(x, AttentionChecks.rows(w.wv(), t * dv, dv), null), c.causal());
                    double[][] expected = AttentionChecks.linear(head, AttentionChecks.columns(w.wo(), t * dv, dv), null);
                    close("out[" + b + "] keeping only head " + t + " of " + h + " (rows " + t * dk + ".." + ((t + 1) * dk - 1)
                            + " of wq and wk, scale 1/sqrt(" + dk + "))", expected, out[b], LOOSE);
                }
            })).enforces("headColumns", "headScale").hint("Head t owns the contiguous columns t*dk/h .. (t+1)*dk/h - 1 of q and k (PyTorch's view(n, h, dk/h)), and is scaled by 1/sqrt(dk/h)."),

            Check.<MultiHeadSelfAttention>invariant("causalOutputsIgnoreLaterTokens", ctx -> ctx.forAll(s -> {
                Case c = cases(false, false).generate(s);
                Case causal = new Case(c.x(), c.numHeads(), c.w(), true);
                int n = c.x()[0].length;
                int t = s.intBetween(0, n - 1);
                double[][][] x2 = new double[c.x().length][][];
                for (int b = 0; b < x2.length; b++) {
                    x2[b] = c.x()[b].clone();
                    for (int j = t + 1; j < n; j++) x2[b][j] = Gens.vector(x2[b][j].length, Gens.doubles(-3, 3)).generate(s);
                }
                return new Variant(causal, 0, t, x2);
            }, vc -> {
                Case c = vc.c();
                double[][][] before = ctx.subject().forward(c.x(), c.numHeads(), c.w(), true);
                double[][][] after = ctx.subject().forward(vc.changedX(), c.numHeads(), c.w(), true);
                for (int b = 0; b < before.length; b++)
                    for (int i = 0; i <= vc.t(); i++) {
                        finite("out[" + b + "][" + i + "]", before[b][i]);
                        close("out[" + b + "][" + i + "] after changing the tokens after position " + vc.t(), before[b][i], after[b][i]);
                    }
            })).enforces("causalMask").hint("Causal: token i attends to tokens 0..i, itself included."),

            Check.<MultiHeadSelfAttention>invariant("sequencesOfABatchAreIndependent", ctx -> ctx.forAll(cases(false, false), c -> {
                double[][][] all = ctx.subject().forward(c.x(), c.numHeads(), c.w(), c.causal());
                shape("out", all, c.x().length, c.x()[0].length, c.x()[0][0].length);
                for (int b = 0; b < c.x().length; b++) {
                    double[][][] one = ctx.subject().forward(new double[][][] {c.x()[b]}, c.numHeads(), c.w(), c.causal());
                    close("out[" + b + "] (must equal the output for sequence " + b + " alone)", one[0], all[b]);
                }
            })).enforces("batchIndependent").hint("Loop over the batch and run each sequence on its own: no state, max or sum may be shared between sequences."),

            Check.<MultiHeadSelfAttention>invariant("resultsAreNewArrays", ctx -> ctx.forAll(cases(false, false), c -> {
                MultiHeadSelfAttention.Weights w = c.w();
                fresh("forward(x, numHeads, w, causal)", () -> ctx.subject().forward(c.x(), c.numHeads(), w, c.causal()),
                        c.x(), w.wq(), w.wk(), w.wv(), w.wo(), w.bo());
            })).enforces("newArray").hint("Allocate the output inside forward: a tensor kept in a field and refilled overwrites the caller's earlier result."),

            Check.<MultiHeadSelfAttention>example("handWorkedEdgeCases", ctx -> {
                // one token: every head's weight is 1, so out = (x wv^T) wo^T + bo whatever wq and wk are
                double[][][] x = {{{1, -2}}};
                double[][] wq = {{1, 0}, {0, 1}}, wk = {{2, 1}, {-1, 1}};
                double[][] wv = {{1, 0}, {0, 1}, {1, 1}, {1, -1}}, wo = {{1, 2, 3, 4}, {-1, 0, 1, 0}};
                double[] bo = {0.5, -0.5};
                MultiHeadSelfAttention.Weights w = new MultiHeadSelfAttention.Weights(wq, wk, wv, wo, bo);
                double[][] expected = AttentionChecks.linear(AttentionChecks.linear(x[0], wv, null), wo, bo);
                for (int h : new int[] {1, 2}) {
                    for (boolean causal : new boolean[] {false, true}) {
                        ctx.example("one token, " + h + " heads, dk = 2, dv = 4, dModel = 2, causal = " + causal, () ->
                                close("out (one token: out = x wv^T wo^T + bo, bo added once)", new double[][][] {expected},
                                        ctx.subject().forward(x, h, w, causal)));
                    }
                }
                ctx.example("two equal tokens, 2 heads, dk = 2, dv = 4: attention averages equal values", () -> {
                    double[][][] two = {{{1, -2}, {1, -2}}};
                    close("out", new double[][][] {{expected[0], expected[0]}}, ctx.subject().forward(two, 2, w, false));
                });
            }).enforces("forwardValue", "headColumns").hint("With one token every softmax weight is 1: the output is x wv^T wo^T + bo, with bo added once and each head's value columns (dv/h wide, not dk/h) in place."),

            Check.<MultiHeadSelfAttention>stability("finiteAndExactForScoresOfAThousand", ctx -> ctx.forAll(s ->
                    new ScaledCase(cases(true, true).generate(s), Gens.oneOf(300.0, 1000.0).generate(s)), sc -> {
                Case c = sc.c();
                MultiHeadSelfAttention.Weights w = c.w();
                int dModel = c.x()[0][0].length;
                double[][] wq = scaled(w.wq(), sc.factor());
                double[][][] out = ctx.subject().forward(c.x(), 1, new MultiHeadSelfAttention.Weights(wq, w.wk(), w.wv(), identity(dModel),
                        new double[dModel]), c.causal());
                shape("out", out, c.x().length, c.x()[0].length, dModel);
                for (int b = 0; b < c.x().length; b++) {
                    double[][] x = c.x()[b];
                    finite("out[" + b + "]", out[b]);
                    double[][] expected = AttentionChecks.sdpa(AttentionChecks.linear(x, wq, null),
                            AttentionChecks.linear(x, w.wk(), null), AttentionChecks.linear(x, w.wv(), null), c.causal());
                    close("out[" + b + "] with wq times " + sc.factor() + ", one head, wo = I, bo = 0 (vs a max-subtracted softmax)",
                            expected, out[b], LOOSE);
                }
            })).enforces("stable").hint("exp(1000) is Infinity: subtract each row's maximum score before exponentiating."),

            Check.<MultiHeadSelfAttention>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        var in = g.input();
                        MultiHeadSelfAttention.Weights w = new MultiHeadSelfAttention.Weights(in.mat("wq"), in.mat("wk"), in.mat("wv"), in.mat("wo"), in.vec("bo"));
                        close("out", g.output().tensor3("out"), ctx.subject().forward(in.tensor3("x"), in.integer("numHeads"), w, in.bool("causal")));
                    });
                }
            }).enforces("forwardValue", "headColumns", "headScale", "causalMask")
                .hint("These are PyTorch's values for the same weights: compare the head split, the scale and the output projection on the case shown.")
        );
    }
}
