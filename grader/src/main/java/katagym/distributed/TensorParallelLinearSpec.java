package katagym.distributed;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;
import static katagym.grader.check.Checks.throwsOn;

import java.util.ArrayList;
import java.util.List;
import katagym.distributed.TensorParallelLinear.Shard;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class TensorParallelLinearSpec implements KataSpec<TensorParallelLinear> {

    /** X [n][d], A [d][f], b1 [f], B [f][k], b2 [k], over p ranks (p divides f). */
    record Case(double[][] x, double[][] a, double[] b1, double[][] b, double[] b2, int p) {}

    /** Sums of two matrices' entries differ in rounding with the order of the sum; values are at most 3 in size. */
    static final Tolerance SUM_ORDER = Tolerance.of(1e-9, 1e-9);

    /** An all-reduce that records its calls and checks what every rank sends. */
    static final class Recorder implements TensorParallelLinear.AllReduce {
        final int ranks, rows, cols;
        final List<double[][][]> calls = new ArrayList<>();

        Recorder(int ranks, int rows, int cols) {
            this.ranks = ranks;
            this.rows = rows;
            this.cols = cols;
        }

        @Override
        public double[][] sum(double[][][] perRank) {
            that(perRank != null && perRank.length == ranks, () -> "allReduce.sum got " + (perRank == null ? "null" : perRank.length + " matrices")
                    + ", expected one per rank (" + ranks + ")");
            for (int r = 0; r < ranks; r++) shape("the partial of rank " + r, perRank[r], rows, cols);
            calls.add(katagym.grader.check.Checks.deepCopy(perRank));
            double[][] out = new double[rows][cols];
            for (double[][] m : perRank) for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) out[i][j] += m[i][j];
            return out;
        }
    }

    static Gen<Case> cases() {
        Gen<Double> v = Gens.doubles(-3, 3);
        return s -> {
            int n = s.intBetween(1, 3), d = s.intBetween(1, 4), k = s.intBetween(1, 3);
            int p = s.intBetween(1, 4), f = p * s.intBetween(1, 3);
            // values are drawn at the largest shape and cut down, so a smaller shape keeps the values that failed
            double[][] x = Gens.matrix(3, 4, v).generate(s), a = Gens.matrix(4, 12, v).generate(s), b = Gens.matrix(12, 3, v).generate(s);
            double[] b1 = Gens.vector(12, v).generate(s), b2 = Gens.vector(3, v).generate(s);
            return new Case(cut(x, n, d), cut(a, d, f), java.util.Arrays.copyOf(b1, f), cut(b, f, k), java.util.Arrays.copyOf(b2, k), p);
        };
    }

    static double[][] cut(double[][] m, int rows, int cols) {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) out[i] = java.util.Arrays.copyOf(m[i], cols);
        return out;
    }

    /** The unsharded layer, ReLU(X A + b1) B + b2. */
    static double[][] unsharded(Case c) {
        int n = c.x().length, d = c.a().length, f = c.b1().length, k = c.b2().length;
        double[][] y = new double[n][k];
        for (int i = 0; i < n; i++) {
            double[] h = new double[f];
            for (int j = 0; j < f; j++) {
                h[j] = c.b1()[j];
                for (int q = 0; q < d; q++) h[j] += c.x()[i][q] * c.a()[q][j];
                h[j] = Math.max(0, h[j]);
            }
            for (int o = 0; o < k; o++) {
                y[i][o] = c.b2()[o];
                for (int j = 0; j < f; j++) y[i][o] += h[j] * c.b()[j][o];
            }
        }
        return y;
    }

    /** The shards of the stated layout, built by the spec (so forward is tested on its own). */
    static Shard[] layout(Case c) {
        int f = c.b1().length, w = f / c.p();
        Shard[] out = new Shard[c.p()];
        for (int r = 0; r < c.p(); r++) {
            double[][] a = new double[c.a().length][w];
            for (int i = 0; i < a.length; i++) for (int j = 0; j < w; j++) a[i][j] = c.a()[i][r * w + j];
            double[] b1 = new double[w];
            double[][] b = new double[w][];
            for (int j = 0; j < w; j++) {
                b1[j] = c.b1()[r * w + j];
                b[j] = c.b()[r * w + j].clone();
            }
            out[r] = new Shard(a, b1, b);
        }
        return out;
    }

    static Case single(Case c, Shard s) {
        return new Case(c.x(), s.a(), s.b1(), s.b(), new double[c.b2().length], 1);
    }

    static double[][] run(TensorParallelLinear t, Case c, Shard[] shards, Recorder rec) {
        double[][] y = pure("forward(x, shards, b2, allReduce)", () -> t.forward(c.x(), shards, c.b2(), rec), c.x(), shards, c.b2());
        that(y != null, "forward returned null");
        return y;
    }

    @Override
    public Class<TensorParallelLinear> contract() { return TensorParallelLinear.class; }

    @Override
    public List<Check<TensorParallelLinear>> checks() {
        return List.of(
            Check.<TensorParallelLinear>oracle("shardMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                Shard[] e = ctx.oracle().shard(c.a(), c.b1(), c.b(), c.p());
                Shard[] a = ctx.subject().shard(c.a(), c.b1(), c.b(), c.p());
                that(a != null && a.length == c.p(), () -> "shard must return " + c.p() + " shards");
                for (int r = 0; r < c.p(); r++) {
                    that(a[r] != null, "a shard is null");
                    equal("shard " + r + " a", e[r].a(), a[r].a());
                    equal("shard " + r + " b1", e[r].b1(), a[r].b1());
                    equal("shard " + r + " b", e[r].b(), a[r].b());
                }
            })).enforces("shardLayout", "shardShapes")
                .hint("Rank r takes the contiguous block r f/p .. (r+1) f/p - 1: columns of A, entries of b1, rows of B, all copied."),

            Check.<TensorParallelLinear>oracle("forwardMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                Shard[] shards = layout(c);
                double[][] e = ctx.oracle().forward(c.x(), shards, c.b2(), new Recorder(c.p(), c.x().length, c.b2().length));
                Recorder rec = new Recorder(c.p(), c.x().length, c.b2().length);
                close("Y", e, run(ctx.subject(), c, shards, rec), SUM_ORDER);
            })).enforces("forwardEqualsUnsharded", "noModify").hint("Each rank: ReLU(X A_r + b1_r) B_r; all-reduce the partials; add b2 once."),

            Check.<TensorParallelLinear>invariant("shardsAreContiguousBlocksOfTheRightShape", ctx -> ctx.forAll(cases(), c -> {
                Shard[] got = fresh("shard(a, b1, b, p)", () -> pure("shard(a, b1, b, p)", () -> ctx.subject().shard(c.a(), c.b1(), c.b(), c.p()),
                        c.a(), c.b1(), c.b()), c.a(), c.b1(), c.b());
                that(got != null && got.length == c.p(), () -> "shard must return one shard per rank (" + c.p() + ")");
                Shard[] want = layout(c);
                int d = c.a().length, w = c.b1().length / c.p(), k = c.b2().length;
                for (int r = 0; r < c.p(); r++) {
                    that(got[r] != null, "a shard is null");
                    shape("shard " + r + " a ([d][f/p])", got[r].a(), d, w);
                    shape("shard " + r + " b1 ([f/p])", got[r].b1(), w);
                    shape("shard " + r + " b ([f/p][k])", got[r].b(), w, k);
                    equal("shard " + r + " a (columns " + r * w + ".." + ((r + 1) * w - 1) + " of A)", want[r].a(), got[r].a());
                    equal("shard " + r + " b1 (entries " + r * w + ".." + ((r + 1) * w - 1) + ")", want[r].b1(), got[r].b1());
                    equal("shard " + r + " b (rows " + r * w + ".." + ((r + 1) * w - 1) + " of B)", want[r].b(), got[r].b());
                }
            })).enforces("shardLayout", "shardShapes", "noModify")
                .hint("A is split by COLUMNS (its output features), B by ROWS (its input features), in contiguous blocks of f/p, every row copied."),

            Check.<TensorParallelLinear>invariant("shardedForwardEqualsTheUnshardedLayer", ctx -> ctx.forAll(cases(), c -> {
                Shard[] shards = ctx.subject().shard(c.a(), c.b1(), c.b(), c.p());
                Recorder rec = new Recorder(c.p(), c.x().length, c.b2().length);
                close("Y = ReLU(X A + b1) B + b2 over " + c.p() + " ranks", unsharded(c), run(ctx.subject(), c, shards, rec), SUM_ORDER);
            })).enforces("forwardEqualsUnsharded")
                .hint("ReLU is elementwise, so it can be applied to each rank's columns before the all-reduce; b2 must be added exactly once."),

            Check.<TensorParallelLinear>invariant("eachRankSendsItsOwnPartialWithoutTheBias", ctx -> ctx.forAll(cases(), c -> {
                Shard[] shards = layout(c);
                Recorder rec = new Recorder(c.p(), c.x().length, c.b2().length);
                run(ctx.subject(), c, shards, rec);
                that(!rec.calls.isEmpty(), "forward never called allReduce.sum: the ranks must exchange their partial sums");
                double[][][] sent = rec.calls.get(0);
                for (int r = 0; r < c.p(); r++) {
                    close("the partial rank " + r + " sends (ReLU(X A_r + b1_r) B_r, no b2)", unsharded(single(c, shards[r])), sent[r], SUM_ORDER);
                }
            })).enforces("partialsPerRank")
                .hint("A rank's partial uses only its own shard and leaves b2 out: adding b2 on every rank adds it p times."),

            Check.<TensorParallelLinear>ops("exactlyOneAllReducePerForward", ctx -> ctx.forAll(cases(), c -> {
                Recorder rec = new Recorder(c.p(), c.x().length, c.b2().length);
                run(ctx.subject(), c, layout(c), rec);
                that(rec.calls.size() == 1, () -> "forward called allReduce.sum " + rec.calls.size() + " times, expected exactly 1 (the column-parallel "
                        + "half needs no communication; the row-parallel half needs one all-reduce of [n][k])");
            })).enforces("oneAllReduce").hint("Do not all-gather the hidden activations: rank r keeps H_r = ReLU(X A_r + b1_r) and multiplies by B_r itself."),

            Check.<TensorParallelLinear>invariant("rejectsAWidthPDoesNotDivide", ctx -> {
                double[][] a = {{1, 2, 3}};
                double[] b1 = {0, 0, 0};
                double[][] b = {{1}, {1}, {1}};
                for (int p : new int[] {0, -1, 2, 4}) {
                    ctx.example("shard(A [1][3], b1 [3], B [3][1], p = " + p + ")", () ->
                        throwsOn("shard(a, b1, b, " + p + ")", IllegalArgumentException.class, "p must be >= 1 and divide f = 3", () -> ctx.subject().shard(a, b1, b, p)));
                }
            }).enforces("shardRejects").hint("Check p >= 1 and f % p == 0 first: f / p rounds down and silently drops columns."),

            Check.<TensorParallelLinear>example("handWorkedTwoRanks", ctx -> {
                Case c = new Case(new double[][] {{1, -1}}, new double[][] {{1, 0, 2, -1}, {0, 1, 1, 1}}, new double[] {0, 0, -2, 0},
                        new double[][] {{1}, {2}, {3}, {4}}, new double[] {10}, 2);
                ctx.example("X = [[1, -1]], A = [[1, 0, 2, -1], [0, 1, 1, 1]], b1 = [0, 0, -2, 0], B = [[1], [2], [3], [4]], b2 = [10], p = 2: "
                        + "X A + b1 = [1, -1, -1, -2], ReLU = [1, 0, 0, 0]; partials [[1]] and [[0]]; Y = [[11]]", () -> {
                    Shard[] shards = ctx.subject().shard(c.a(), c.b1(), c.b(), 2);
                    equal("shard 1 a", new double[][] {{2, -1}, {1, 1}}, shards[1].a());
                    equal("shard 1 b", new double[][] {{3}, {4}}, shards[1].b());
                    Recorder rec = new Recorder(2, 1, 1);
                    double[][] y = run(ctx.subject(), c, shards, rec);
                    close("Y", new double[][] {{11}}, y);
                    equal("all-reduce calls", 1, rec.calls.size());
                    equal("the partials sent", new double[][][] {{{1}}, {{0}}}, rec.calls.get(0));
                });
            }).enforces("shardLayout", "forwardEqualsUnsharded", "oneAllReduce", "partialsPerRank")
                .hint("Do it on paper: the hidden unit of column 2 is 2 - 1 - 2 = -1, cut by ReLU on rank 1 before B is applied."),

            Check.<TensorParallelLinear>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        Golden.Values in = g.input();
                        Case c = new Case(in.mat("x"), in.mat("a"), in.vec("b1"), in.mat("b"), in.vec("b2"), in.integer("p"));
                        Shard[] shards = ctx.subject().shard(c.a(), c.b1(), c.b(), c.p());
                        for (int r = 0; r < c.p(); r++) equal("shard " + r + " a (torch.chunk of A along dim 1)", in.tensor3("aShards")[r], shards[r].a());
                        Recorder rec = new Recorder(c.p(), c.x().length, c.b2().length);
                        close("Y", g.output().mat("y"), run(ctx.subject(), c, shards, rec), SUM_ORDER);
                    });
                }
            }).enforces("forwardEqualsUnsharded", "shardLayout")
                .hint("PyTorch's relu(x @ a + b1) @ b + b2; torch.chunk(a, p, dim=1) gives the same contiguous column blocks.")
        );
    }
}
