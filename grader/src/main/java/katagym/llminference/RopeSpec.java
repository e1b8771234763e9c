package katagym.llminference;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;

import java.util.List;
import katagym.grader.check.Tensors;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class RopeSpec implements KataSpec<Rope> {

    /** Rows x[n][d] at the given positions, rotated with the given base. */
    record Case(double[][] x, double[] positions, double base) {}

    /** A query q and a key k, at positions m and n, and a shift applied to both. */
    record Pair(double[] q, double[] k, double m, double n, double shift, double base) {}

    /** One pair i of a width-d vector set to (1, 0), at position m. */
    record Probe(int d, int pair, double m, double base) {}

    static final Tolerance LOOSE = Tolerance.of(1e-9, 1e-10);

    static Gen<Integer> widths() { return s -> 2 * s.intBetween(1, 4); }

    static Gen<Double> positions() {
        // mostly decode-like whole positions, sometimes any real (fractional, negative: the contract allows them)
        return s -> s.chance(0.7) ? (double) s.intBetween(0, 60) : Gens.doubles(-1000, 1000).generate(s);
    }

    static Gen<Double> bases() {
        return s -> s.chance(0.7) ? 10000.0 : Gens.oneOf(100.0, 500000.0, 2.5).generate(s);
    }

    static Gen<Case> cases() {
        return s -> {
            int d = widths().generate(s);
            int n = s.intBetween(1, 4);
            double[][] x = Gens.matrix(n, d, Gens.doubles(-3, 3)).generate(s);
            double[] pos = new double[n];
            for (int t = 0; t < n; t++) pos[t] = positions().generate(s);
            return new Case(x, pos, bases().generate(s));
        };
    }

    static double[] rotate(Rope rope, double[] v, double position, double base) {
        double[][] y = rope.apply(new double[][] {v}, new double[] {position}, base);
        shape("apply(x, positions, base)", y, 1, v.length);
        return y[0];
    }

    @Override
    public Class<Rope> contract() { return Rope.class; }

    @Override
    public List<Check<Rope>> checks() {
        return List.of(
            Check.<Rope>oracle("applyMatchesReference", ctx -> ctx.forAll(cases(), c ->
                close("y", ctx.oracle().apply(c.x(), c.positions(), c.base()),
                        pure("apply(x, positions, base)", () -> ctx.subject().apply(c.x(), c.positions(), c.base()), c.x(), c.positions()))))
                .enforces("rotation", "newArray").hint("Rotate each adjacent pair (x[2i], x[2i+1]) by positions[t] * base^(-2i/d); compare your angle for pair i with that formula."),

            Check.<Rope>invariant("normOfEveryInterleavedPairIsPreserved", ctx -> ctx.forAll(cases(), c -> {
                double[][] y = ctx.subject().apply(c.x(), c.positions(), c.base());
                shape("y", y, c.x().length, c.x()[0].length);
                for (int t = 0; t < y.length; t++) {
                    close("|y[" + t + "]| (a rotation keeps the norm)", Math.sqrt(Tensors.dot(c.x()[t], c.x()[t])), Math.sqrt(Tensors.dot(y[t], y[t])), LOOSE);
                    for (int i = 0; 2 * i < y[t].length; i++) {
                        double a = c.x()[t][2 * i], b = c.x()[t][2 * i + 1];
                        close("|(y[" + t + "][" + 2 * i + "], y[" + t + "][" + (2 * i + 1) + "])| (pair " + i + " is rotated as a unit)",
                                Math.hypot(a, b), Math.hypot(y[t][2 * i], y[t][2 * i + 1]), LOOSE);
                    }
                }
            })).hint("Pairs are adjacent, (x[2i], x[2i+1]), not the two halves (x[i], x[i + d/2]) of the GPT-NeoX layout.")
                .enforces("interleavedPairs"),

            Check.<Rope>invariant("positionZeroIsTheIdentity", ctx -> ctx.forAll(cases(), c -> {
                double[] zeros = new double[c.x().length];
                close("apply(x, all positions 0)", c.x(), ctx.subject().apply(c.x(), zeros, c.base()));
            }))
                .enforces("rotation").hint("At position 0 every angle is 0, so cos = 1 and sin = 0: y must equal x."),

            Check.<Rope>invariant("eachPairRotatesByPositionTimesItsFrequency", ctx -> ctx.forAll(s -> {
                int d = widths().generate(s);
                return new Probe(d, s.intBetween(0, d / 2 - 1), positions().generate(s), bases().generate(s));
            }, p -> {
                double[] e = new double[p.d()];
                e[2 * p.pair()] = 1;
                double theta = p.m() * Math.pow(p.base(), -2.0 * p.pair() / p.d());
                double[] expected = new double[p.d()];
                expected[2 * p.pair()] = Math.cos(theta);
                expected[2 * p.pair() + 1] = Math.sin(theta);
                close("rope(e_" + 2 * p.pair() + ") at position " + p.m() + ": (cos, sin) of m * base^(-2i/d) = " + theta + " in pair " + p.pair(),
                        expected, rotate(ctx.subject(), e, p.m(), p.base()), LOOSE);
            })).hint("Pair i turns by the angle m * base^(-2i/d), with m = positions[t] (not the row index t): pair 0 turns by m radians.")
                .enforces("rotation", "positionsAreGiven"),

            Check.<Rope>invariant("queryKeyDotDependsOnlyOnTheOffset", ctx -> ctx.forAll(s -> {
                int d = widths().generate(s);
                Gen<double[]> v = Gens.vector(d, Gens.doubles(-3, 3));
                return new Pair(v.generate(s), v.generate(s), positions().generate(s), positions().generate(s),
                        (double) s.intBetween(-20, 40), bases().generate(s));
            }, p -> {
                double before = Tensors.dot(rotate(ctx.subject(), p.q(), p.m(), p.base()), rotate(ctx.subject(), p.k(), p.n(), p.base()));
                double after = Tensors.dot(rotate(ctx.subject(), p.q(), p.m() + p.shift(), p.base()),
                        rotate(ctx.subject(), p.k(), p.n() + p.shift(), p.base()));
                double scale = Math.sqrt(Tensors.dot(p.q(), p.q()) * Tensors.dot(p.k(), p.k()));
                close("q_(m+s) . k_(n+s) vs q_m . k_n (m = " + p.m() + ", n = " + p.n() + ", s = " + p.shift() + ")", before, after,
                        Tolerance.of(1e-9, 1e-10 * Math.max(1, scale)));
            })).hint("Both rows are rotated with the same per-pair frequencies, so only m - n survives in the dot product.")
                .enforces("rotation"),

            Check.<Rope>invariant("rotatingTwiceAddsThePositions", ctx -> ctx.forAll(cases(), c -> {
                double[] shift = new double[c.positions().length];
                double[] sum = new double[shift.length];
                for (int t = 0; t < shift.length; t++) { shift[t] = 3 + t; sum[t] = c.positions()[t] + shift[t]; }
                close("apply(apply(x, p), p') vs apply(x, p + p')",
                        ctx.subject().apply(c.x(), sum, c.base()),
                        ctx.subject().apply(ctx.subject().apply(c.x(), c.positions(), c.base()), shift, c.base()), LOOSE);
            }))
                .enforces("rotation", "positionsAreGiven").hint("Rotations by m and then m' compose to a rotation by m + m': use positions[t] itself, including fractional and negative ones."),

            Check.<Rope>invariant("resultsAreNewArrays", ctx -> ctx.forAll(cases(), c -> {
                double[] pos = c.positions().clone();
                pos[0] = 0; // a row at position 0 is where "it is the identity anyway" returns the input row itself
                fresh("apply(x, positions, base)", () -> ctx.subject().apply(c.x(), pos, c.base()), c.x(), pos);
            })).enforces("newArray")
                .hint("Allocate y = new double[n][] and a new row per t, even where the rotation is the identity (position 0); never hand back x's rows or a field reused across calls."),

            Check.<Rope>example("handWorkedValues", ctx -> {
                ctx.example("x = [] (n = 0), positions = []", () ->
                    equal("apply([], [], 10000).length", 0, ctx.subject().apply(new double[0][], new double[0], 10000.0).length));
                ctx.example("x = [[1, 0]], positions = [1], base 10000: pair 0 turns by exactly 1 radian", () ->
                    close("y", new double[][] {{Math.cos(1), Math.sin(1)}}, ctx.subject().apply(new double[][] {{1, 0}}, new double[] {1}, 10000.0)));
                ctx.example("x = [[0, 0, 1, 0]], positions = [-2], base 100: pair 1 has frequency 100^(-1/2) = 0.1, so it turns by -0.2", () ->
                    close("y", new double[][] {{0, 0, Math.cos(-0.2), Math.sin(-0.2)}},
                            ctx.subject().apply(new double[][] {{0, 0, 1, 0}}, new double[] {-2}, 100.0)));
                ctx.example("x = [[3, 4], [3, 4]], positions = [0, 0.5]: row 1 turns by 0.5 rad, row 0 not at all", () ->
                    close("y", new double[][] {{3, 4}, {3 * Math.cos(0.5) - 4 * Math.sin(0.5), 3 * Math.sin(0.5) + 4 * Math.cos(0.5)}},
                            ctx.subject().apply(new double[][] {{3, 4}, {3, 4}}, new double[] {0, 0.5}, 10000.0)));
            }).enforces("rotation", "positionsAreGiven", "emptyBatch", "interleavedPairs")
                .hint("theta = positions[t] * base^(-2i/d) in double arithmetic (-2.0 * i / d, not -2 * i / d); an empty batch is a valid input: take d from each row."),

            Check.<Rope>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> close("y", g.output().mat("y"),
                            ctx.subject().apply(g.input().mat("x"), g.input().vec("positions"), g.input().num("base"))));
                }
            })
                .enforces("rotation", "interleavedPairs").hint("These are values from a PyTorch implementation of interleaved RoPE: compare your angles with positions[t] * base^(-2i/d) on the case shown.")
        );
    }
}
