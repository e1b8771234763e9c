package katagym.llminference;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;
import static katagym.grader.check.Checks.throwsOn;

import java.util.List;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class AlibiSpec implements KataSpec<Alibi> {

    /** q, k: [H][n][d]; v: [H][n][dv]. */
    record Case(double[][][] q, double[][][] k, double[][][] v) {}

    static Gen<Case> cases(Gen<Double> qk) {
        return s -> {
            int n = s.intBetween(1, 5), d = s.intBetween(1, 4), dv = s.intBetween(1, 3), h = s.intBetween(1, 6);
            Gen<Double> x = Gens.doubles(-2, 2);
            return new Case(Gens.tensor3(h, n, d, qk).generate(s), Gens.tensor3(h, n, d, qk).generate(s), Gens.tensor3(h, n, dv, x).generate(s));
        };
    }

    static Gen<Case> cases() { return cases(Gens.doubles(-2, 2)); }

    /** Head counts: the small ones often (3, 5, 6, 7 are not powers of two), sometimes up to 70. */
    static Gen<Integer> heads() {
        return s -> s.chance(0.3) ? s.intBetween(13, 70) : s.intBetween(1, 12);
    }

    /** The paper's rule written independently: 2^(-8 (h+1) / H) for powers of two, interleaved slopes of 2c otherwise. */
    static double[] expectedSlopes(int heads) {
        int c = 1;
        while (c * 2 <= heads) c *= 2;
        double[] m = new double[heads];
        double start = Math.pow(2, -8.0 / c);
        for (int h = 0; h < c; h++) m[h] = Math.pow(start, h + 1);
        double start2 = Math.pow(2, -8.0 / (2 * c));
        for (int t = 0; c + t < heads; t++) m[c + t] = Math.pow(start2, 2 * t + 1);
        return m;
    }

    /** Attention of one head with the given slope, softmax stabilised by the row maximum. */
    static double[][] head(double[][] q, double[][] k, double[][] v, double slope) {
        int n = q.length, d = q[0].length, dv = v[0].length;
        double[][] out = new double[n][dv];
        for (int i = 0; i < n; i++) {
            double[] s = new double[i + 1];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j <= i; j++) {
                double dot = 0;
                for (int t = 0; t < d; t++) dot += q[i][t] * k[j][t];
                s[j] = dot / Math.sqrt(d) + slope * (j - i);
                max = Math.max(max, s[j]);
            }
            double z = 0;
            for (int j = 0; j <= i; j++) z += s[j] = Math.exp(s[j] - max);
            for (int j = 0; j <= i; j++) for (int t = 0; t < dv; t++) out[i][t] += s[j] / z * v[j][t];
        }
        return out;
    }

    static double[][][] run(Alibi a, Case c) {
        double[][][] out = a.attention(c.q(), c.k(), c.v());
        shape("attention(q, k, v)", out, c.q().length, c.q()[0].length, c.v()[0][0].length);
        return out;
    }

    @Override
    public Class<Alibi> contract() { return Alibi.class; }

    @Override
    public List<Check<Alibi>> checks() {
        return List.of(
            Check.<Alibi>oracle("slopesMatchReference", ctx -> ctx.forAll(heads(), h ->
                close("slopes(" + h + ")", ctx.oracle().slopes(h), ctx.subject().slopes(h))))
                .enforces("slopesPowerOfTwo", "slopesOtherH")
                .hint("Powers of two: 2^(-8 (h+1) / H). Otherwise the c = highest power of two below H slopes, then slopes(2c) at indices 0, 2, 4, ..."),

            Check.<Alibi>oracle("attentionMatchesReference", ctx -> ctx.forAll(cases(), c ->
                close("attention(q, k, v)", ctx.oracle().attention(c.q(), c.k(), c.v()),
                        pure("attention(q, k, v)", () -> run(ctx.subject(), c), c.q(), c.k(), c.v()))))
                .enforces("attentionValue", "newArrays")
                .hint("Per head: scores q.k / sqrt(d), plus -m_h (i - j), keys j <= i only, softmax, times v."),

            Check.<Alibi>invariant("slopesFollowThePapersRule", ctx -> ctx.forAll(heads(), h -> {
                double[] m = ctx.subject().slopes(h);
                shape("slopes(" + h + ")", m, h);
                close("slopes(" + h + ") (2^(-8(h+1)/c) for the first c = largest power of two <= H, then every other slope of 2c)",
                        expectedSlopes(h), m);
                if (Integer.bitCount(h) == 1) {
                    close("slopes(" + h + ")[" + (h - 1) + "] (the last slope of a power of two is 2^-8)", 1.0 / 256, m[h - 1]);
                } else {
                    int c = Integer.highestOneBit(h);
                    double[] base = ctx.subject().slopes(c), twice = ctx.subject().slopes(2 * c);
                    for (int t = 0; t < h; t++) {
                        int u = t;
                        double want = t < c ? base[t] : twice[2 * (t - c)];
                        that(Math.abs(want - m[t]) <= 1e-12 * want, () -> "slopes(" + h + ")[" + u + "] = " + m[u] + " should be "
                                + (u < c ? "slopes(" + c + ")[" + u + "]" : "slopes(" + 2 * c + ")[" + 2 * (u - c) + "]") + " = " + want);
                    }
                }
            })).enforces("slopesPowerOfTwo", "slopesOtherH")
                .hint("Slopes count heads from 1: the first is 2^(-8/H), not 1. For H not a power of two do not use 2^(-8(h+1)/H): take the c slopes, then the ODD powers 2^(-8 (2t+1) / 2c) that fall between them."),

            Check.<Alibi>invariant("biasIsLinearInDistanceAndCausal", ctx -> ctx.forAll(s -> new int[] {s.intBetween(0, 7), s.intBetween(0, 16)}, nm -> {
                int n = nm[0];
                double slope = Math.pow(2, -nm[1] / 2.0);
                double[][] b = ctx.subject().bias(n, slope);
                shape("bias(" + n + ", " + slope + ")", b, n, n);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double want = j <= i ? -slope * (i - j) : Double.NEGATIVE_INFINITY;
                        int ii = i, jj = j;
                        that(b[i][j] == want || Math.abs(b[i][j] - want) <= 1e-12 * Math.abs(want),
                                () -> "bias[" + ii + "][" + jj + "] = " + b[ii][jj] + ", expected " + want
                                        + (jj <= ii ? " (-slope * (i - j): a penalty growing with distance)" : " (a future key: -Infinity)"));
                    }
                }
            })).enforces("biasValue")
                .hint("Row i is the query, column j the key: -slope * (i - j) is 0 on the diagonal and more negative further back; keys after the query are masked with -Infinity."),

            Check.<Alibi>invariant("eachHeadIsSoftmaxOfScaledScoresPlusItsBias", ctx -> ctx.forAll(cases(), c -> {
                double[][][] out = run(ctx.subject(), c);
                double[] m = expectedSlopes(c.q().length);
                for (int h = 0; h < m.length; h++) {
                    close("attention head " + h + " (slope " + m[h] + ")", head(c.q()[h], c.k()[h], c.v()[h], m[h]), out[h]);
                }
            })).enforces("attentionValue")
                .hint("Scale only the dot product by 1/sqrt(d), then add -m_h (i - j) (each head its own slope); mask keys after the query."),

            Check.<Alibi>invariant("futureKeysDoNotMatter", ctx -> ctx.forAll(s -> {
                Case c = cases().generate(s);
                int heads = c.q().length;
                s.assume(c.q()[0].length >= 2);
                return new Pair(c, Gens.matrix(heads, c.k()[0][0].length, Gens.doubles(-2, 2)).generate(s),
                        Gens.matrix(heads, c.v()[0][0].length, Gens.doubles(-2, 2)).generate(s));
            }, p -> {
                Case c = p.a();
                int heads = c.q().length, n = c.q()[0].length;
                double[][][] k2 = new double[heads][][], v2 = new double[heads][][];
                for (int h = 0; h < heads; h++) {
                    k2[h] = c.k()[h].clone();
                    v2[h] = c.v()[h].clone();
                    k2[h][n - 1] = p.lastK()[h];
                    v2[h][n - 1] = p.lastV()[h];
                }
                double[][][] before = run(ctx.subject(), c), after = run(ctx.subject(), new Case(c.q(), k2, v2));
                for (int h = 0; h < heads; h++) {
                    for (int i = 0; i < n - 1; i++) close("out[" + h + "][" + i + "] after changing only the last key and value", before[h][i], after[h][i]);
                    close("out[" + h + "][0] (the first query sees only itself: v[" + h + "][0])", c.v()[h][0], before[h][0]);
                }
            })).enforces("attentionValue", "biasValue")
                .hint("Causal: query i attends to keys j <= i only. A symmetric -m |i - j| bias without the mask lets the future leak in."),

            Check.<Alibi>invariant("resultsAreNewArrays", ctx -> ctx.forAll(cases(), c -> {
                fresh("attention(q, k, v)", () -> ctx.subject().attention(c.q(), c.k(), c.v()), c.q(), c.k(), c.v());
                fresh("slopes(H)", () -> ctx.subject().slopes(c.q().length));
                fresh("bias(n, 0.5)", () -> ctx.subject().bias(c.q()[0].length, 0.5));
            })).enforces("newArrays")
                .hint("Allocate per call: a cached slopes array or bias matrix handed out twice lets one caller's edit corrupt the next."),

            Check.<Alibi>invariant("rejectsInvalidSizes", ctx -> ctx.forAll(s -> -s.intBetween(0, 5), bad -> {
                throwsOn("slopes(" + bad + ")", IllegalArgumentException.class, "heads must be >= 1", () -> ctx.subject().slopes(bad));
                if (bad < 0) throwsOn("bias(" + bad + ", 0.5)", IllegalArgumentException.class, "n must be >= 0", () -> ctx.subject().bias(bad, 0.5));
            })).enforces("slopesRejects", "biasRejects")
                .hint("Check the sizes first: slopes needs heads >= 1 (log2(0) is -Infinity), bias needs n >= 0 (n = 0 is an empty matrix)."),

            Check.<Alibi>example("handWorkedCases", ctx -> {
                Alibi a = ctx.subject();
                ctx.example("slopes(8)", () -> close("slopes(8)", new double[] {1.0 / 2, 1.0 / 4, 1.0 / 8, 1.0 / 16, 1.0 / 32, 1.0 / 64, 1.0 / 128, 1.0 / 256}, a.slopes(8)));
                ctx.example("slopes(1)", () -> close("slopes(1)", new double[] {1.0 / 256}, a.slopes(1)));
                ctx.example("slopes(3) (slopes(2), then slopes(4)[0])", () -> close("slopes(3)", new double[] {1.0 / 16, 1.0 / 256, 1.0 / 4}, a.slopes(3)));
                ctx.example("slopes(6) (slopes(4), then slopes(8)[0], slopes(8)[2])", () ->
                    close("slopes(6)", new double[] {1.0 / 4, 1.0 / 16, 1.0 / 64, 1.0 / 256, 1.0 / 2, 1.0 / 8}, a.slopes(6)));
                ctx.example("bias(3, 0.5)", () -> {
                    double inf = Double.NEGATIVE_INFINITY;
                    equal("bias(3, 0.5)", new double[][] {{0, inf, inf}, {-0.5, 0, inf}, {-1, -0.5, 0}}, a.bias(3, 0.5));
                });
                ctx.example("bias(0, 1.0)", () -> equal("bias(0, 1.0).length", 0, a.bias(0, 1.0).length));
                ctx.example("H = 2, n = 2, d = 1, q = k = 0, v = [[0], [1]] in both heads (slopes 1/16, 1/256)", () -> {
                    double[][][] zero = {{{0}, {0}}, {{0}, {0}}}, v = {{{0}, {1}}, {{0}, {1}}};
                    double[][][] out = a.attention(zero, zero, v);
                    close("out[0][1] (weights softmax([-1/16, 0]))", 1 / (1 + Math.exp(-1.0 / 16)), out[0][1][0]);
                    close("out[1][1] (weights softmax([-1/256, 0]))", 1 / (1 + Math.exp(-1.0 / 256)), out[1][1][0]);
                    close("out[0][0] (only the first key)", 0.0, out[0][0][0]);
                });
            }).enforces("slopesPowerOfTwo", "slopesOtherH", "biasValue", "attentionValue")
                .hint("With H = 8 the slopes are 1/2 .. 1/256; with q = k = 0 the only thing between the keys is the bias, so out[h][1] = sigmoid(m_h)."),

            Check.<Alibi>stability("finiteForScoresOfAMillion", ctx -> ctx.forAll(cases(Gens.extremes()), c -> {
                double[][][] out = run(ctx.subject(), c);
                finite("attention(q, k, v)", out);
                close("attention(q, k, v)", ctx.oracle().attention(c.q(), c.k(), c.v()), out);
            })).enforces("attentionStable")
                .hint("exp(1e5) is Infinity: subtract each row's maximum biased score before exp (the softmax does not change)."),

            Check.<Alibi>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        if (g.input().has("heads")) {
                            close("slopes", g.output().vec("slopes"), ctx.subject().slopes(g.input().integer("heads")));
                        } else {
                            close("out", g.output().tensor3("out"), ctx.subject().attention(g.input().tensor3("q"), g.input().tensor3("k"), g.input().tensor3("v")));
                        }
                    });
                }
            }).enforces("slopesPowerOfTwo", "slopesOtherH", "attentionValue")
                .hint("These are the ALiBi authors' get_slopes and torch.softmax(q k^T / sqrt(d) + bias + causal mask) v: compare the case shown.")
        );
    }

    /** A case, and a new last key and value per head. */
    record Pair(Case a, double[][] lastK, double[][] lastV) {}
}
