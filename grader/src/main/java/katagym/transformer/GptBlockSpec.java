package katagym.transformer;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;

import java.util.List;
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
            })),

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
            })).hint("The attention is causal: token i sees tokens 0..i, itself included."),

            Check.<GptBlock>invariant("zeroSublayerOutputsLeaveTheResidualStreamUnchanged", ctx -> ctx.forAll(cases(), c -> {
                double[][] y = forward(ctx.subject(), c.x(), bothOff(c.w()));
                close("y with wo, bo, wproj, bproj all zero (pre-LN: y = x; LayerNorm sits inside the branches)", c.x(), y, LOOSE);
            })).hint("Pre-LN: the LayerNorms normalise the input of each sublayer, never the residual stream itself: x + attn(LN1(x))."),

            Check.<GptBlock>invariant("withoutAttentionEachTokenGoesThroughTheTanhGeluMlp", ctx -> ctx.forAll(cases(), c -> {
                double[][] y = forward(ctx.subject(), c.x(), attentionOff(c.w()));
                for (int i = 0; i < y.length; i++) {
                    close("y[" + i + "] with wo = 0, bo = 0 (must be x + wproj gelu_tanh(wfc LN2(x) + bfc) + bproj)",
                            mlpResidual(c.x()[i], c.w()), y[i], LOOSE);
                }
            })).hint("GPT-2's GELU is the tanh approximation: 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). LayerNorm uses the biased variance and eps 1e-5."),

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
            })
        );
    }
}
