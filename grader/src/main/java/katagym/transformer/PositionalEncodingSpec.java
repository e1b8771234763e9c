package katagym.transformer;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class PositionalEncodingSpec implements KataSpec<PositionalEncoding> {

    /** How many positions and the model width. */
    record Case(int numPositions, int d) {}

    static final Tolerance LOOSE = Tolerance.of(1e-9, 1e-12);

    static Gen<Case> cases(int minPositions, boolean evenOnly) {
        return s -> {
            int n = s.intBetween(minPositions, 60);
            int d = evenOnly ? 2 * s.intBetween(1, 8) : s.intBetween(1, 16);
            return new Case(n, d);
        };
    }

    static double[][] encode(PositionalEncoding pe, Case c) {
        double[][] out = pe.encode(c.numPositions(), c.d());
        shape("encode(" + c.numPositions() + ", " + c.d() + ")", out, c.numPositions(), c.d());
        return out;
    }

    @Override
    public Class<PositionalEncoding> contract() { return PositionalEncoding.class; }

    @Override
    public List<Check<PositionalEncoding>> checks() {
        return List.of(
            Check.<PositionalEncoding>oracle("encodingMatchesReference", ctx -> ctx.forAll(cases(0, false), c ->
                close("PE", ctx.oracle().encode(c.numPositions(), c.d()), ctx.subject().encode(c.numPositions(), c.d()))))
                .enforces("value", "oddWidth").hint("PE[pos][j] uses the angle pos * 10000^(-2 (j/2) / d): sine for even j, cosine for odd j."),

            Check.<PositionalEncoding>invariant("positionZeroIsSinZeroCosZeroAndValuesStayInMinusOneOne", ctx -> ctx.forAll(cases(1, false), c -> {
                double[][] pe = encode(ctx.subject(), c);
                for (int j = 0; j < c.d(); j++) close("PE[0][" + j + "] (" + (j % 2 == 0 ? "sin 0" : "cos 0") + ")", j % 2 == 0 ? 0.0 : 1.0, pe[0][j]);
                for (int p = 0; p < pe.length; p++)
                    for (int j = 0; j < c.d(); j++) {
                        double x = pe[p][j];
                        int a = p, b = j;
                        that(x >= -1 && x <= 1, () -> "PE[" + a + "][" + b + "] = " + x + " lies outside [-1, 1]");
                    }
            })).enforces("value").hint("Even columns hold the sine, odd columns the cosine, positions start at 0."),

            Check.<PositionalEncoding>invariant("everyRowHasNormRootHalfD", ctx -> ctx.forAll(cases(1, true), c -> {
                double[][] pe = encode(ctx.subject(), c);
                for (int p = 0; p < pe.length; p++) {
                    double sq = 0;
                    for (double x : pe[p]) sq += x * x;
                    close("|PE[" + p + "]|^2 (each sin/cos pair has norm 1, so d/2)", c.d() / 2.0, sq, LOOSE);
                }
            })).enforces("value").hint("The sine and the cosine of one pair share the same angle pos / 10000^(2i/d)."),

            Check.<PositionalEncoding>invariant("shiftingByKRotatesEachPair", ctx -> ctx.forAll(cases(2, true), c -> {
                double[][] pe = encode(ctx.subject(), c);
                int n = pe.length;
                for (int k = 1; k < n; k += Math.max(1, n / 5))
                    for (int p = 0; p + k < n; p += Math.max(1, n / 7))
                        for (int i = 0; 2 * i + 1 < c.d(); i++) {
                            double s = pe[k][2 * i], co = pe[k][2 * i + 1];
                            double x = pe[p][2 * i], y = pe[p][2 * i + 1];
                            String at = " at pos " + p + ", shift " + k + ", pair " + i;
                            close("PE[pos+k][2i] = cos(k w) PE[pos][2i] + sin(k w) PE[pos][2i+1]" + at, co * x + s * y, pe[p + k][2 * i], LOOSE);
                            close("PE[pos+k][2i+1] = cos(k w) PE[pos][2i+1] - sin(k w) PE[pos][2i]" + at, co * y - s * x, pe[p + k][2 * i + 1], LOOSE);
                        }
            })).enforces("value").hint("PE(pos + k) must be a rotation of PE(pos) by the angle k * w_i in each pair: same frequency for the sine and the cosine."),

            Check.<PositionalEncoding>invariant("frequenciesFallGeometricallyFromOneToOneOverTenThousand", ctx -> ctx.forAll(cases(2, false), c -> {
                double[][] pe = encode(ctx.subject(), c);
                for (int i = 0; 2 * i < c.d(); i++) {
                    double omega = 2 * i + 1 < c.d() ? Math.atan2(pe[1][2 * i], pe[1][2 * i + 1]) : Math.asin(pe[1][2 * i]);
                    close("the frequency of pair " + i + " of d = " + c.d() + " (read from PE[1]; must be 10000^(-2i/d))",
                            Math.pow(10000, -2.0 * i / c.d()), omega, LOOSE);
                }
            })).enforces("value", "oddWidth").hint("Pair i (columns 2i and 2i+1) has frequency 1 / 10000^(2i/d): the exponent uses 2i, the even column index, for both, and d itself (odd or even)."),

            Check.<PositionalEncoding>invariant("resultsAreNewArrays", ctx -> ctx.forAll(cases(0, false), c ->
                fresh("encode(" + c.numPositions() + ", " + c.d() + ")", () -> ctx.subject().encode(c.numPositions(), c.d()))))
                .enforces("newArray").hint("Build the table inside encode: a cached table handed out twice is corrupted by the first caller who writes into it."),

            Check.<PositionalEncoding>example("handWorkedEdgeCases", ctx -> {
                PositionalEncoding pe = ctx.subject();
                ctx.example("encode(0, 4) (no positions)", () -> equal("encode(0, 4).length", 0, pe.encode(0, 4).length));
                ctx.example("encode(1, 3) (position 0, odd width)", () -> equal("encode(1, 3)", new double[][] {{0.0, 1.0, 0.0}}, pe.encode(1, 3)));
                ctx.example("encode(2, 1) (d = 1: one sine column of frequency 1)", () ->
                        close("encode(2, 1)", new double[][] {{0.0}, {Math.sin(1)}}, pe.encode(2, 1)));
                ctx.example("encode(2, 3)[1] (odd d: the last column is sin(10000^(-2/3)))", () ->
                        close("encode(2, 3)[1]", new double[] {Math.sin(1), Math.cos(1), Math.sin(Math.pow(10000, -2.0 / 3))}, pe.encode(2, 3)[1]));
                ctx.example("encode(2048, 6)[2047] (a long table)", () -> {
                    double[] want = new double[6];
                    for (int j = 0; j < 6; j++) {
                        double angle = 2047 * Math.pow(10000, -2.0 * (j / 2) / 6);
                        want[j] = j % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
                    }
                    double[][] got = pe.encode(2048, 6);
                    shape("encode(2048, 6)", got, 2048, 6);
                    close("encode(2048, 6)[2047]", want, got[2047], Tolerance.of(1e-9, 1e-10));
                });
            }).enforces("value", "oddWidth", "emptyAndLong")
                .hint("Positions start at 0 (sin 0 = 0, cos 0 = 1), an odd d ends with a sine, and numPositions = 0 is an empty table.")
        );
    }
}
