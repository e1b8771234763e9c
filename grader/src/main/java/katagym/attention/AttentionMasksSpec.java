package katagym.attention;

import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.Counter;
import katagym.grader.prop.Gen;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class AttentionMasksSpec implements KataSpec<AttentionMasks> {

    /** A sequence length and a window width or stride. */
    record Case(int n, int w) {}

    /** A (possibly long) sequence length and window width for the closed-form count. */
    record Sizes(long n, long w) {}

    static Gen<Case> cases() {
        return s -> {
            int n = s.intBetween(0, 12);
            return new Case(n, s.intBetween(1, n + 2));
        };
    }

    static final long TWO_TO_THE_31 = 1L << 31;

    /** Lengths and widths up to 2^31 (the contract's bound, included), so that n * w needs a long. */
    static Gen<Sizes> bigSizes() {
        return s -> new Sizes(size(s, 0), size(s, 1));
    }

    private static long size(katagym.grader.prop.Source s, int min) {
        return switch (s.weighted(0.4, 0.4, 0.2)) {
            case 0 -> s.intBetween(min, 50);
            case 1 -> s.intBetween(min, Integer.MAX_VALUE);
            default -> TWO_TO_THE_31 - s.intBetween(0, 2);
        };
    }

    /** The spec's own closed form: rows 0..w-1 allow 1..w keys, the later n - w rows w each. */
    static long windowPairs(long n, long w) {
        long full = Math.min(n, w);
        return full * (full + 1) / 2 + (n - full) * w;
    }

    static long count(boolean[][] mask) {
        Counter c = new Counter();
        for (boolean[] row : mask) for (boolean b : row) if (b) c.tick();
        return c.count();
    }

    /** Every mask: n x n, nothing above the diagonal, the diagonal allowed. */
    static void causalShape(String what, boolean[][] m, int n) {
        shape(what, m, n, n);
        for (int i = 0; i < n; i++) {
            int a = i;
            that(m[i][i], () -> what + ": row " + a + " does not allow the query itself (allowed[" + a + "][" + a + "] is false)");
            for (int j = i + 1; j < n; j++) {
                int b = j;
                that(!m[i][j], () -> what + ": query " + a + " may attend to the later key " + b + " (allowed[" + a + "][" + b + "] is true)");
            }
        }
    }

    @Override
    public Class<AttentionMasks> contract() { return AttentionMasks.class; }

    @Override
    public List<Check<AttentionMasks>> checks() {
        return List.of(
            Check.<AttentionMasks>oracle("causalMatchesReference", ctx -> ctx.forAll(cases(), c ->
                equal("causal(" + c.n() + ")", ctx.oracle().causal(c.n()), ctx.subject().causal(c.n()))))
                .enforces("causalValue").hint("allowed[i][j] = j <= i: the diagonal included."),

            Check.<AttentionMasks>oracle("slidingWindowMatchesReference", ctx -> ctx.forAll(cases(), c ->
                equal("slidingWindow(" + c.n() + ", " + c.w() + ")", ctx.oracle().slidingWindow(c.n(), c.w()),
                        ctx.subject().slidingWindow(c.n(), c.w()))))
                .enforces("windowValue").hint("allowed[i][j] = i - w < j <= i: w keys ending at the query itself (fewer near the start)."),

            Check.<AttentionMasks>oracle("stridedMatchesReference", ctx -> ctx.forAll(cases(), c ->
                equal("strided(" + c.n() + ", " + c.w() + ")", ctx.oracle().strided(c.n(), c.w()),
                        ctx.subject().strided(c.n(), c.w()))))
                .enforces("stridedValue").hint("allowed[i][j] = j <= i and (i - j < l or (i - j) % l == 0)."),

            Check.<AttentionMasks>oracle("slidingWindowPairsMatchesReference", ctx -> ctx.forAll(bigSizes(), c ->
                equal("slidingWindowPairs(" + c.n() + ", " + c.w() + ")", ctx.oracle().slidingWindowPairs(c.n(), c.w()),
                        ctx.subject().slidingWindowPairs(c.n(), c.w()))))
                .enforces("pairsValue", "pairsExactToTwoToThe31").hint("Do the arithmetic in long, from long parameters: n and w go up to 2^31, which no int holds."),

            Check.<AttentionMasks>invariant("masksNeverSeeTheFutureAndAlwaysSeeThemselves", ctx -> ctx.forAll(cases(), c -> {
                causalShape("causal(" + c.n() + ")", ctx.subject().causal(c.n()), c.n());
                causalShape("slidingWindow(" + c.n() + ", " + c.w() + ")", ctx.subject().slidingWindow(c.n(), c.w()), c.n());
                causalShape("strided(" + c.n() + ", " + c.w() + ")", ctx.subject().strided(c.n(), c.w()), c.n());
            })).enforces("causalValue", "windowValue", "stridedValue").hint("Causal means j <= i: the query itself is allowed, the next token is not."),

            Check.<AttentionMasks>invariant("causalAllowsTheWholePast", ctx -> ctx.forAll(cases(), c -> {
                boolean[][] m = ctx.subject().causal(c.n());
                causalShape("causal(" + c.n() + ")", m, c.n());
                equal("pairs allowed by causal(" + c.n() + ") (n(n+1)/2)", (long) c.n() * (c.n() + 1) / 2, count(m));
                equal("slidingWindow(n, n) (a window as long as the sequence is the causal mask)", m,
                        ctx.subject().slidingWindow(c.n(), Math.max(1, c.n())));
                equal("strided(n, 1) (stride 1 reaches every earlier position: the causal mask)", m, ctx.subject().strided(c.n(), 1));
            })).enforces("causalValue", "windowValue", "stridedValue")
                .hint("A window as long as the sequence, and stride 1, both reach every earlier position: they must give exactly the causal mask."),

            Check.<AttentionMasks>invariant("windowRowsAreTheLastWPositions", ctx -> ctx.forAll(cases(), c -> {
                boolean[][] m = ctx.subject().slidingWindow(c.n(), c.w());
                shape("slidingWindow", m, c.n(), c.n());
                for (int i = 0; i < c.n(); i++) {
                    int first = -1, last = -1, allowed = 0;
                    for (int j = 0; j < c.n(); j++) if (m[i][j]) { if (first < 0) first = j; last = j; allowed++; }
                    int a = i, f = first, l = last, k = allowed;
                    that(k == Math.min(i + 1, c.w()), () -> "slidingWindow(" + c.n() + ", " + c.w() + "): row " + a + " allows " + k
                            + " keys, expected min(i + 1, w) = " + Math.min(a + 1, c.w()));
                    that(k == 0 || (l == a && l - f + 1 == k), () -> "slidingWindow(" + c.n() + ", " + c.w() + "): row " + a
                            + " is not one run of keys ending at the query itself (first " + f + ", last " + l + ")");
                }
            })).enforces("windowValue").hint("Width w counts the query itself: row i allows j = i - w + 1 .. i."),

            Check.<AttentionMasks>invariant("stridedIsTheWindowPlusEveryLthPositionBack", ctx -> ctx.forAll(cases(), c -> {
                int n = c.n(), l = c.w();
                boolean[][] m = ctx.subject().strided(n, l);
                causalShape("strided(" + n + ", " + l + ")", m, n);
                for (int i = 0; i < n; i++)
                    for (int j = 0; j <= i; j++) {
                        int a = i, b = j;
                        boolean should = i - j < l || (i - j) % l == 0;
                        that(m[i][j] == should, () -> "strided(" + n + ", " + l + "): allowed[" + a + "][" + b + "] is " + m[a][b]
                                + " but i - j = " + (a - b) + (should ? " is within the window or a multiple of " + l
                                : " is neither below " + l + " nor a multiple of it"));
                        if (i > 0 && j > 0) {
                            that(m[i][j] == m[i - 1][j - 1], () -> "strided(" + n + ", " + l + "): allowed[" + a + "][" + b
                                    + "] differs from allowed[" + (a - 1) + "][" + (b - 1) + "]: the pattern must depend on i - j only");
                        }
                    }
            })).enforces("stridedValue").hint("The strided head looks back by multiples of the stride from the query: (i - j) % l == 0, not j % l == 0."),

            Check.<AttentionMasks>ops("slidingWindowAllowsExactlyNwMinusWChoose2Pairs", ctx -> ctx.forAll(cases(), c -> {
                long pairs = count(ctx.subject().slidingWindow(c.n(), c.w()));
                long n = c.n(), w = c.w();
                equal("pairs allowed by slidingWindow(" + n + ", " + w + ") (n*w - w(w-1)/2 when n >= w, else n(n+1)/2)",
                        windowPairs(n, w), pairs);
                that(pairs <= n * w, () -> "slidingWindow(" + n + ", " + w + ") allows " + pairs + " pairs, more than n*w = " + n * w);
                equal("slidingWindowPairs(" + n + ", " + w + ") (must count the mask's true entries)", pairs, ctx.subject().slidingWindowPairs(n, w));
            })).enforces("pairsValue", "windowValue").hint("Rows 0..w-1 allow 1, 2, ..., w keys and every later row allows exactly w."),

            Check.<AttentionMasks>ops("slidingWindowPairsIsExactForLongSequences", ctx -> ctx.forAll(bigSizes(), c ->
                equal("slidingWindowPairs(" + c.n() + ", " + c.w() + ")", windowPairs(c.n(), c.w()),
                        ctx.subject().slidingWindowPairs(c.n(), c.w())))).enforces("pairsExactToTwoToThe31", "pairsConstantTime")
                .hint("n * w overflows an int for n = w = 100000, and n = 2^31 itself is no int: keep everything in long, in closed form (no loop over 2^31 rows)."),

            Check.<AttentionMasks>ops("stridedAllowsAboutNTimesRootNPairs", ctx -> ctx.forAll(s -> {
                int n = s.intBetween(1, 40);
                return new Case(n, (int) Math.ceil(Math.sqrt(n)));
            }, c -> {
                long n = c.n(), l = c.w();
                long pairs = count(ctx.subject().strided(c.n(), c.w()));
                long expected = 0;
                for (long i = 0; i < n; i++) expected += Math.min(i + 1, l) + i / l;
                equal("pairs allowed by strided(" + n + ", " + l + ") (sum over rows of min(i+1, l) + floor(i/l))", expected, pairs);
                that(pairs <= 2 * n * l, () -> "strided(" + n + ", " + l + ") allows " + pairs + " pairs, more than 2 n sqrt(n)");
            })).enforces("stridedValue").hint("Row i allows min(i + 1, l) window keys plus floor(i / l) strided ones further back: about 2 n sqrt(n) in all for l = sqrt(n)."),

            Check.<AttentionMasks>invariant("masksAreNewArrays", ctx -> ctx.forAll(cases(), c -> {
                fresh("causal(" + c.n() + ")", () -> ctx.subject().causal(c.n()));
                fresh("slidingWindow(" + c.n() + ", " + c.w() + ")", () -> ctx.subject().slidingWindow(c.n(), c.w()));
                fresh("strided(" + c.n() + ", " + c.w() + ")", () -> ctx.subject().strided(c.n(), c.w()));
            })).enforces("newArray").hint("Build a new boolean[n][n] on every call: a mask cached and handed out twice is corrupted by the first caller who edits it."),

            Check.<AttentionMasks>example("handWorkedEdgeCases", ctx -> {
                AttentionMasks m = ctx.subject();
                ctx.example("n = 0", () -> {
                    equal("causal(0).length", 0, m.causal(0).length);
                    equal("slidingWindow(0, 3).length", 0, m.slidingWindow(0, 3).length);
                    equal("strided(0, 2).length", 0, m.strided(0, 2).length);
                    equal("slidingWindowPairs(0, 5)", 0L, m.slidingWindowPairs(0, 5));
                });
                ctx.example("slidingWindow(3, 1) is the identity; slidingWindow(2, 5) (w > n) is causal(2)", () -> {
                    equal("slidingWindow(3, 1)", new boolean[][] {{true, false, false}, {false, true, false}, {false, false, true}}, m.slidingWindow(3, 1));
                    equal("slidingWindow(2, 5)", new boolean[][] {{true, false}, {true, true}}, m.slidingWindow(2, 5));
                });
                ctx.example("strided(5, 2): row 4 allows keys 0, 2, 3, 4", () ->
                        equal("strided(5, 2)[4]", new boolean[] {true, false, true, true, true}, m.strided(5, 2)[4]));
                ctx.example("slidingWindowPairs at the bounds 2^31", () -> {
                    long b = TWO_TO_THE_31;
                    equal("slidingWindowPairs(2^31, 1)", b, m.slidingWindowPairs(b, 1));
                    equal("slidingWindowPairs(2^31, 2^31) (= 2^31 (2^31 + 1) / 2)", b * (b + 1) / 2, m.slidingWindowPairs(b, b));
                    equal("slidingWindowPairs(2^31, 2^31 - 1)", windowPairs(b, b - 1), m.slidingWindowPairs(b, b - 1));
                    equal("slidingWindowPairs(3, 2^31)", 6L, m.slidingWindowPairs(3, b));
                });
            }).enforces("causalValue", "windowValue", "stridedValue", "pairsValue", "pairsExactToTwoToThe31", "newArray")
                .hint("Check the edges by hand: n = 0 is an empty mask, w = 1 is the diagonal, w > n is causal, and 2^31 does not fit in an int.")
        );
    }
}
