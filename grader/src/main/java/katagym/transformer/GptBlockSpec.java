package katagym.transformer;

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

public final class GptBlockSpec implements KataSpec<GptBlock> {

    /** One sequence {@code x[n][d]} and the block's weights. */
    record Case(double[][] x, GptBlock.Weights w) {}

    /** A case, a position t, and the input with every token after t replaced. */
    record FutureCase(Case c, int t, double[][] changedX) {}

    static final Tolerance LOOSE = Tolerance.of(1e-9, 1e-10);

    static Gen<Case> cases() {
        return s -> {
            int h = s.intBetween(1, 3), d = h * s.intBetween(1, 2), n = s.intBetween(1, 4), hidden = s.intBetween(1, 8);
            Gen<Double> unit = Gens.doubles(-1, 1);
            double[][] x = Gens.matrix(n, d, Gens.doubles(-2, 2)).generate(s);
            GptBlock.Weights w = new GptBlock.Weights(h,
                    Gens.vector(d, Gens.doubles(0.5, 1.5)).generate(s), Gens.vector(d, unit).generate(s),
                    Gens.matrix(3 * d, d, unit).generate(s), Gens.vector(3 * d, unit).generate(s),
                    Gens.matrix(d, d, unit).generate(s), Gens.vector(d, unit).generate(s),
                    Gens.vector(d, Gens.doubles(0.5, 1.5)).generate(s), Gens.vector(d, unit).generate(s),
                    Gens.matrix(hidden, d, unit).generate(s), Gens.vector(hidden, unit).generate(s),
                    Gens.matrix(d, hidden, unit).generate(s), Gens.vector(d, unit).generate(s));
            return new Case(x, w);
        };
    }

    /** The same weights with the attention sublayer's output projection (wo, bo) set to zero. */
    static GptBlock.Weights attentionOff(GptBlock.Weights w) {
        int d = w.wo().length;
        return new GptBlock.Weights(w.numHeads(), w.ln1Gamma(), w.ln1Beta(), w.wqkv(), w.bqkv(), new double[d][d], new double[d],
                w.ln2Gamma(), w.ln2Beta(), w.wfc(), w.bfc(), w.wproj(), w.bproj());
    }

    /** The same weights with both sublayers' output projections set to zero. */
    static GptBlock.Weights bothOff(GptBlock.Weights w) {
        GptBlock.Weights a = attentionOff(w);
        int d = w.wo().length;
        return new GptBlock.Weights(a.numHeads(), a.ln1Gamma(), a.ln1Beta(), a.wqkv(), a.bqkv(), a.wo(), a.bo(),
                a.ln2Gamma(), a.ln2Beta(), a.wfc(), a.bfc(), new double[d][w.wfc().length], new double[d]);
    }

    static double[][] forward(GptBlock block, double[][] x, GptBlock.Weights w) {
        double[][] y = block.forward(x, w);
        shape("y", y, x.length, x[0].length);
        return y;
    }

    /** The spec's own MLP sublayer for one token: x + wproj gelu_tanh(wfc LN2(x) + bfc) + bproj. */
    static double[] mlpResidual(double[] x, GptBlock.Weights w) {
        int d = x.length;
        double mean = 0, var = 0;
        for (double v : x) mean += v / d;
        for (double v : x) var += (v - mean) * (v - mean) / d;
        double[] h = new double[d];
        for (int c = 0; c < d; c++) h[c] = w.ln2Gamma()[c] * (x[c] - mean) / Math.sqrt(var + 1e-5) + w.ln2Beta()[c];
        double[] a = new double[w.wfc().length];
        for (int o = 0; o < a.length; o++) {
            double z = w.bfc()[o];
            for (int c = 0; c < d; c++) z += w.wfc()[o][c] * h[c];
            a[o] = 0.5 * z * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z)));
        }
        double[] y = new double[d];
        for (int c = 0; c < d; c++) {
            double z = x[c] + w.bproj()[c];
            for (int o = 0; o < a.length; o++) z += w.wproj()[c][o] * a[o];
            y[c] = z;
        }
        return y;
    }

    /** The spec's own LayerNorm of one row: biased variance, eps 1e-5. */
    static double[] layerNorm(double[] x, double[] gamma, double[] beta) {
        int d = x.length;
        double mean = 0, var = 0;
        for (double v : x) mean += v / d;
        for (double v : x) var += (v - mean) * (v - mean) / d;
        double[] h = new double[d];
        for (int c = 0; c < d; c++) h[c] = gamma[c] * (x[c] - mean) / Math.sqrt(var + 1e-5) + beta[c];
        return h;
    }

    /** The spec's own attention sublayer: x + causal multi-head attention of LN1(x), wo and bo included. */
    static double[][] attentionResidual(double[][] x, GptBlock.Weights w) {
        int n = x.length, d = x[0].length, hd = d / w.numHeads();
        double[][] h = new double[n][];
        for (int i = 0; i < n; i++) h[i] = layerNorm(x[i], w.ln1Gamma(), w.ln1Beta());
        double[][] qkv = AttentionChecks.linear(h, w.wqkv(), w.bqkv());
        double[][] concat = new double[n][d];
        for (int t = 0; t < w.numHeads(); t++) {
            double[][] head = AttentionChecks.sdpa(AttentionChecks.columns(qkv, t * hd, hd), AttentionChecks.columns(qkv, d + t * hd, hd),
                    AttentionChecks.columns(qkv, 2 * d + t * hd, hd), true);
            for (int i = 0; i < n; i++) System.arraycopy(head[i], 0, concat[i], t * hd, hd);
        }
        double[][] a = AttentionChecks.linear(concat, w.wo(), w.bo());
        double[][] y = new double[n][d];
        for (int i = 0; i < n; i++) for (int c = 0; c < d; c++) y[i][c] = x[i][c] + a[i][c];
        return y;
    }

    /** The same weights with the query rows of wqkv and bqkv multiplied by {@code factor}. */
    static GptBlock.Weights queriesScaled(GptBlock.Weights w, double factor) {
        int d = w.wo().length;
        double[][] wqkv = new double[3 * d][];
        double[] bqkv = w.bqkv().clone();
        for (int r = 0; r < 3 * d; r++) {
            wqkv[r] = w.wqkv()[r].clone();
            if (r < d) {
                for (int c = 0; c < d; c++) wqkv[r][c] *= factor;
                bqkv[r] *= factor;
            }
        }
        return new GptBlock.Weights(w.numHeads(), w.ln1Gamma(), w.ln1Beta(), wqkv, bqkv, w.wo(), w.bo(),
                w.ln2Gamma(), w.ln2Beta(), w.wfc(), w.bfc(), w.wproj(), w.bproj());
    }

    /** The spec's own block: the MLP sublayer applied to each token of the attention sublayer's output. */
    static double[][] block(double[][] x, GptBlock.Weights w) {
        double[][] x1 = attentionResidual(x, w);
        double[][] y = new double[x1.length][];
        for (int i = 0; i < x1.length; i++) y[i] = mlpResidual(x1[i], w);
        return y;
    }

    static double variance(double[] row) {
        double mean = 0, var = 0;
        for (double v : row) mean += v / row.length;
        for (double v : row) var += (v - mean) * (v - mean) / row.length;
        return var;
    }

    /** A case and the factor by which its query weights are scaled. */
    record ScaledCase(Case c, double factor) {}

    /** A case whose rows, and the rows entering LN2, have variance >= 0.1, and an offset added to every entry. */
    record ShiftedCase(Case c, double offset) {}

    /** Rows of width >= 2 spread enough (variance >= 0.1 in x and in x + attn) that LayerNorm amplifies no rounding. */
    static Gen<ShiftedCase> shiftedCases() {
        return s -> {
            Case c = cases().generate(s);
            s.assume(c.x()[0].length >= 2);
            double offset = Gens.oneOf(1e6, -1e6).generate(s);
            double[][] near = new double[c.x().length][];
            for (int i = 0; i < near.length; i++) {
                near[i] = new double[c.x()[i].length];
                for (int j = 0; j < near[i].length; j++) near[i][j] = (c.x()[i][j] + offset) - offset;
            }
            double[][] x1 = attentionResidual(near, c.w());
            for (int i = 0; i < near.length; i++) s.assume(variance(near[i]) >= 0.1 && variance(x1[i]) >= 0.1);
            return new ShiftedCase(new Case(near, c.w()), offset);
        };
    }

    /** Rows 1e6 from zero keep about 1e-10 of absolute precision; one-pass LayerNorm variances lose far more. */
    static final Tolerance SHIFTED = Tolerance.of(1e-9, 1e-7);

    @Override
    public Class<GptBlock> contract() { return GptBlock.class; }

    @Override
    public List<Check<GptBlock>> checks() {
        return List.of(
            Check.<GptBlock>oracle("forwardMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                GptBlock.Weights w = c.w();
                close("y", ctx.oracle().forward(c.x(), w), pure("forward(x, w)", () -> ctx.subject().forward(c.x(), w),
                        c.x(), w.ln1Gamma(), w.ln1Beta(), w.wqkv(), w.bqkv(), w.wo(), w.bo(),
                        w.ln2Gamma(), w.ln2Beta(), w.wfc(), w.bfc(), w.wproj(), w.bproj()));
            })).enforces("preLn", "layerNorm", "gelu", "attention", "newArray")
                .hint("Four lines: h = LN1(x); x1 = x + attn(h); h2 = LN2(x1); y = x1 + proj(gelu(fc(h2))), each helper written and tested on its own."),

            Check.<GptBlock>invariant("laterTokensNeverChangeEarlierOutputs", ctx -> ctx.forAll(s -> {
                Case c = cases().generate(s);
                int n = c.x().length, t = s.intBetween(0, n - 1);
                double[][] x2 = c.x().clone();
                for (int j = t + 1; j < n; j++) x2[j] = Gens.vector(x2[j].length, Gens.doubles(-3, 3)).generate(s);
                return new FutureCase(c, t, x2);
            }, fc -> {
                double[][] before = forward(ctx.subject(), fc.c().x(), fc.c().w());
                double[][] after = forward(ctx.subject(), fc.changedX(), fc.c().w());
                for (int i = 0; i <= fc.t(); i++) {
                    finite("y[" + i + "]", before[i]);
                    close("y[" + i + "] after changing the tokens after position " + fc.t(), before[i], after[i]);
                }
            })).enforces("attention").hint("The attention is causal: token i sees tokens 0..i, itself included."),

            Check.<GptBlock>invariant("zeroSublayerOutputsLeaveTheResidualStreamUnchanged", ctx -> ctx.forAll(cases(), c -> {
                double[][] y = forward(ctx.subject(), c.x(), bothOff(c.w()));
                close("y with wo, bo, wproj, bproj all zero (pre-LN: y = x; LayerNorm sits inside the branches)", c.x(), y, LOOSE);
            })).enforces("preLn").hint("Pre-LN: the LayerNorms normalise the input of each sublayer, never the residual stream itself: x + attn(LN1(x))."),

            Check.<GptBlock>invariant("withoutAttentionEachTokenGoesThroughTheTanhGeluMlp", ctx -> ctx.forAll(cases(), c -> {
                double[][] y = forward(ctx.subject(), c.x(), attentionOff(c.w()));
                for (int i = 0; i < y.length; i++) {
                    close("y[" + i + "] with wo = 0, bo = 0 (must be x + wproj gelu_tanh(wfc LN2(x) + bfc) + bproj)",
                            mlpResidual(c.x()[i], c.w()), y[i], LOOSE);
                }
            })).enforces("gelu", "layerNorm", "preLn").hint("GPT-2's GELU is the tanh approximation: 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). LayerNorm uses the biased variance and eps 1e-5, inside the square root, with ln2's own gamma and beta."),

            Check.<GptBlock>invariant("withoutTheMlpEachTokenAddsCausalAttentionOfLn1", ctx -> ctx.forAll(cases(), c -> {
                GptBlock.Weights w = c.w();
                int d = w.wo().length;
                GptBlock.Weights mlpOff = new GptBlock.Weights(w.numHeads(), w.ln1Gamma(), w.ln1Beta(), w.wqkv(), w.bqkv(), w.wo(), w.bo(),
                        w.ln2Gamma(), w.ln2Beta(), w.wfc(), w.bfc(), new double[d][w.wfc().length], new double[d]);
                close("y with wproj = 0, bproj = 0 (must be x + wo attn(LN1(x)) + bo, causal heads of d/numHeads columns)",
                        attentionResidual(c.x(), w), forward(ctx.subject(), c.x(), mlpOff), LOOSE);
            })).enforces("attention", "layerNorm").hint("Head t takes columns t*d/h .. of the q, k and v blocks of qkv = LN1(x) wqkv^T + bqkv, is scaled by 1/sqrt(d/h), and writes the same columns of the concat."),

            Check.<GptBlock>stability("finiteAndExactForAttentionScoresOfAThousand", ctx -> ctx.forAll(s ->
                    new ScaledCase(cases().generate(s), Gens.oneOf(300.0, 1000.0).generate(s)), sc -> {
                GptBlock.Weights w = queriesScaled(sc.c().w(), sc.factor());
                double[][] y = forward(ctx.subject(), sc.c().x(), w);
                finite("y", y);
                close("y with the query weights times " + sc.factor() + " (vs the spec's max-subtracted softmax)", block(sc.c().x(), w), y, LOOSE);
            })).enforces("stable").hint("exp(1000) is Infinity: subtract each row's maximum score before exponentiating."),

            Check.<GptBlock>stability("addingAConstantToTheInputAddsItToTheOutput", ctx -> ctx.forAll(shiftedCases(), sc -> {
                double[][] x = sc.c().x(), far = new double[x.length][];
                for (int i = 0; i < x.length; i++) {
                    far[i] = x[i].clone();
                    for (int j = 0; j < far[i].length; j++) far[i][j] += sc.offset();
                }
                double[][] y = forward(ctx.subject(), far, sc.c().w());
                finite("y", y);
                for (double[] row : y) for (int j = 0; j < row.length; j++) row[j] -= sc.offset();
                close("forward(x + offset) - offset (both LayerNorms ignore the offset; the residual stream carries it)",
                        forward(ctx.subject(), x, sc.c().w()), y, SHIFTED);
            })).enforces("shiftStable").hint("Compute var as mean((x - mu)^2), after the mean: mean(x^2) - mu^2 subtracts two numbers near 1e12 for rows around 1e6 and loses their digits."),

            Check.<GptBlock>invariant("resultsAreNewArrays", ctx -> ctx.forAll(cases(), c -> {
                GptBlock.Weights w = c.w();
                fresh("forward(x, w)", () -> ctx.subject().forward(c.x(), w), c.x(), w.ln1Gamma(), w.ln1Beta(), w.wqkv(), w.bqkv(),
                        w.wo(), w.bo(), w.ln2Gamma(), w.ln2Beta(), w.wfc(), w.bfc(), w.wproj(), w.bproj());
            })).enforces("newArray").hint("Allocate y inside forward: an output matrix kept in a field and refilled overwrites the caller's earlier result."),

            Check.<GptBlock>example("handWorkedEdgeCases", ctx -> {
                ctx.example("one token, d = 2, 2 heads, hidden 3", () -> {
                    double[][] x = {{1, -1}};
                    GptBlock.Weights w = new GptBlock.Weights(2, new double[] {1, 2}, new double[] {0.5, 0},
                            new double[][] {{1, 0}, {0, 1}, {1, 1}, {1, -1}, {2, 0}, {0, 3}}, new double[] {0, 0, 0, 0, 0.5, -0.5},
                            new double[][] {{1, 0}, {0, 1}}, new double[] {0.1, 0.2}, new double[] {1, 1}, new double[] {0, 0},
                            new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {0, 0.5, -1}, new double[][] {{1, 0, 1}, {0, 1, -1}}, new double[] {0, 0});
                    // one token: attention returns its own v; LN of (1, -1) is (1, -1) / sqrt(1 + 1e-5)
                    double[][] x1 = attentionResidual(x, w);
                    close("y (one token: x1 = x + wo v + bo, then the MLP residual)", new double[][] {mlpResidual(x1[0], w)},
                            ctx.subject().forward(x, w));
                });
                ctx.example("a constant row (variance 0): LayerNorm gives beta", () -> {
                    double[][] x = {{3, 3}};
                    GptBlock.Weights w = new GptBlock.Weights(1, new double[] {1, 1}, new double[] {0.25, -0.25},
                            new double[][] {{0, 0}, {0, 0}, {0, 0}, {0, 0}, {1, 0}, {0, 1}}, new double[6],
                            new double[][] {{1, 0}, {0, 1}}, new double[2], new double[] {1, 1}, new double[2],
                            new double[][] {{0, 0}}, new double[1], new double[][] {{0}, {0}}, new double[2]);
                    close("y (= x + beta: v = LN1(x) = beta, wo = I, and the MLP adds 0)", new double[][] {{3.25, 2.75}}, ctx.subject().forward(x, w));
                });
            }).enforces("preLn", "layerNorm", "attention", "gelu")
                .hint("One token attends only to itself (weight 1), and a constant row has variance 0: LayerNorm then returns beta exactly, with eps keeping it finite."),

            Check.<GptBlock>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        var in = g.input();
                        GptBlock.Weights w = new GptBlock.Weights(in.integer("numHeads"), in.vec("ln1Gamma"), in.vec("ln1Beta"),
                                in.mat("wqkv"), in.vec("bqkv"), in.mat("wo"), in.vec("bo"), in.vec("ln2Gamma"), in.vec("ln2Beta"),
                                in.mat("wfc"), in.vec("bfc"), in.mat("wproj"), in.vec("bproj"));
                        close("y", g.output().mat("y"), ctx.subject().forward(in.mat("x"), w));
                    });
                }
            }).enforces("preLn", "layerNorm", "gelu", "attention")
                .hint("These are PyTorch's values (GPT-2's block): compare LayerNorm, the head split and the tanh GELU on the case shown.")
        );
    }
}
