package katagym.losses;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.Checks;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class EntropyMutualInformationSpec implements KataSpec<EntropyMutualInformation> {

    /** A joint table joint[x][y]. */
    record Case(double[][] joint) {}

    /** Two marginals whose outer product is the joint table of independent X and Y. */
    record Independent(double[] px, double[] py) {}

    /** Weights that are exactly 0 about one time in four, normalised to sum to 1 (never all zero). */
    static Gen<double[]> withZeros(int n) {
        return s -> {
            double[] w = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                w[i] = s.chance(0.25) ? 0 : 0.05 + Gens.unit(s);
                sum += w[i];
            }
            if (sum == 0) { w[0] = 1; sum = 1; }
            for (int i = 0; i < n; i++) w[i] /= sum;
            return w;
        };
    }

    static Gen<Case> tables(int maxRows, int maxCols) {
        return s -> {
            int cols = s.intBetween(1, maxCols);
            int rows = s.intBetween(1, maxRows);
            double[] flat = withZeros(rows * cols).generate(s);
            double[][] joint = new double[rows][cols];
            for (int x = 0; x < rows; x++) System.arraycopy(flat, x * cols, joint[x], 0, cols);
            return new Case(joint);
        };
    }

    static double entropy(double[] p) {
        double h = 0;
        for (double v : p) if (v > 0) h -= v * Math.log(v);
        return h;
    }

    static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) for (int j = 0; j < m[0].length; j++) t[j][i] = m[i][j];
        return t;
    }

    @Override
    public Class<EntropyMutualInformation> contract() { return EntropyMutualInformation.class; }

    @Override
    public List<Check<EntropyMutualInformation>> checks() {
        return List.of(
            Check.<EntropyMutualInformation>oracle("entropiesMatchReference", ctx -> ctx.forAll(tables(4, 4), c -> {
                EntropyMutualInformation o = ctx.oracle(), sub = ctx.subject();
                double hx = Checks.pure("entropyX(joint)", () -> sub.entropyX(c.joint()), (Object) c.joint());
                close("H(X)", o.entropyX(c.joint()), hx);
                double hy = Checks.pure("entropyY(joint)", () -> sub.entropyY(c.joint()), (Object) c.joint());
                close("H(Y)", o.entropyY(c.joint()), hy);
                double hxy = Checks.pure("jointEntropy(joint)", () -> sub.jointEntropy(c.joint()), (Object) c.joint());
                close("H(X, Y)", o.jointEntropy(c.joint()), hxy);
            })).enforces("entropyXValue", "entropyYValue", "jointEntropyValue", "zeroConvention", "shapes", "pure")
                .hint("p(x) sums row x, p(y) sums column y; every entropy is -sum v log v over the positive entries only."),

            Check.<EntropyMutualInformation>oracle("mutualInformationMatchesReference", ctx -> ctx.forAll(tables(4, 4), c -> {
                double i = Checks.pure("mutualInformation(joint)", () -> ctx.subject().mutualInformation(c.joint()), (Object) c.joint());
                close("I(X; Y)", ctx.oracle().mutualInformation(c.joint()), i);
            })).enforces("mutualInformationValue", "zeroConvention", "pure").hint("I(X; Y) = H(X) + H(Y) - H(X, Y), never the other way round, and in nats."),

            Check.<EntropyMutualInformation>invariant("mutualInformationLiesBetweenZeroAndTheSmallerEntropy", ctx -> ctx.forAll(tables(4, 4), c -> {
                EntropyMutualInformation sub = ctx.subject();
                double hx = sub.entropyX(c.joint()), hy = sub.entropyY(c.joint()), hxy = sub.jointEntropy(c.joint());
                double i = sub.mutualInformation(c.joint());
                that(i >= -1e-12, () -> "I(X; Y) = " + i + " is negative");
                that(i <= Math.min(hx, hy) + 1e-12, () -> "I(X; Y) = " + i + " exceeds min(H(X), H(Y)) = min(" + hx + ", " + hy + ")");
                that(hxy >= Math.max(hx, hy) - 1e-12, () -> "H(X, Y) = " + hxy + " is below max(H(X), H(Y)) = max(" + hx + ", " + hy + ")");
                close("I(X; Y) (must equal H(X) + H(Y) - H(X, Y))", hx + hy - hxy, i);
            })).enforces("mutualInformationValue").hint("I(X; Y) = H(X) + H(Y) - H(X, Y) >= 0: knowing both variables never takes more nats than describing them apart."),

            Check.<EntropyMutualInformation>invariant("independentVariablesShareNoInformation", ctx -> ctx.forAll(s -> {
                int rows = s.intBetween(1, 4), cols = s.intBetween(1, 4);
                return new Independent(withZeros(rows).generate(s), withZeros(cols).generate(s));
            }, c -> {
                double[][] joint = new double[c.px().length][c.py().length];
                for (int x = 0; x < joint.length; x++) for (int y = 0; y < joint[x].length; y++) joint[x][y] = c.px()[x] * c.py()[y];
                EntropyMutualInformation sub = ctx.subject();
                close("H(X) of the outer product px py^T (must be H(px))", entropy(c.px()), sub.entropyX(joint));
                close("H(Y) of the outer product px py^T (must be H(py))", entropy(c.py()), sub.entropyY(joint));
                close("H(X, Y) of independent X, Y (must be H(X) + H(Y))", entropy(c.px()) + entropy(c.py()), sub.jointEntropy(joint));
                close("I(X; Y) of independent X, Y", 0.0, sub.mutualInformation(joint));
            })).enforces("entropyXValue", "entropyYValue", "jointEntropyValue", "mutualInformationValue", "shapes")
                .hint("Rows index X and columns index Y: p(x) sums a row, p(y) sums a column."),

            Check.<EntropyMutualInformation>invariant("transposingSwapsXAndY", ctx -> ctx.forAll(tables(4, 4), c -> {
                EntropyMutualInformation sub = ctx.subject();
                double[][] t = transpose(c.joint());
                close("H(X) of the transposed table (must be H(Y))", sub.entropyY(c.joint()), sub.entropyX(t));
                close("H(Y) of the transposed table (must be H(X))", sub.entropyX(c.joint()), sub.entropyY(t));
                close("H(X, Y) of the transposed table", sub.jointEntropy(c.joint()), sub.jointEntropy(t));
                close("I(X; Y) of the transposed table (I is symmetric)", sub.mutualInformation(c.joint()), sub.mutualInformation(t));
            })).enforces("entropyXValue", "entropyYValue", "shapes")
                .hint("Transposing the table swaps X and Y: size the column marginal by the number of COLUMNS, not rows."),

            Check.<EntropyMutualInformation>invariant("aFunctionOfXCarriesAllOfItsInformation", ctx -> ctx.forAll(s -> {
                int n = s.intBetween(1, 4);
                double[] p = withZeros(n).generate(s);
                int[] perm = Gens.permutations(n).generate(s);
                double[][] joint = new double[n][n];
                for (int x = 0; x < n; x++) joint[x][perm[x]] = p[x];
                return new Case(joint);
            }, c -> {
                // Y = f(X) for a bijection f: one nonzero cell per row and per column.
                double[] p = new double[c.joint().length];
                for (int x = 0; x < p.length; x++) for (double v : c.joint()[x]) p[x] += v;
                double h = entropy(p);
                EntropyMutualInformation sub = ctx.subject();
                close("H(X)", h, sub.entropyX(c.joint()));
                close("H(Y) (Y = f(X) for a bijection f)", h, sub.entropyY(c.joint()));
                close("H(X, Y) (Y = f(X) adds nothing)", h, sub.jointEntropy(c.joint()));
                close("I(X; Y) (Y = f(X) shares all of H(X))", h, sub.mutualInformation(c.joint()));
            })).enforces("jointEntropyValue", "mutualInformationValue", "zeroConvention").hint("When Y is determined by X, H(X, Y) = H(X) and I(X; Y) = H(X)."),

            Check.<EntropyMutualInformation>golden("matchesNumpy", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[][] joint = g.input().mat("joint");
                        EntropyMutualInformation sub = ctx.subject();
                        close("H(X)", g.output().num("hX"), sub.entropyX(joint));
                        close("H(Y)", g.output().num("hY"), sub.entropyY(joint));
                        close("H(X, Y)", g.output().num("hXY"), sub.jointEntropy(joint));
                        close("I(X; Y)", g.output().num("mutualInformation"), sub.mutualInformation(joint));
                    });
                }
            }).enforces("entropyXValue", "entropyYValue", "jointEntropyValue", "mutualInformationValue")
                .hint("These are numpy values in nats on the table shown."),

            Check.<EntropyMutualInformation>example("handWorkedValues", ctx -> {
                EntropyMutualInformation sub = ctx.subject();
                double[] p = {0.2, 0.3, 0.5};
                ctx.example("joint = [[0.2, 0.3, 0.5]] (one row: X is constant)", () -> {
                    double[][] joint = {p.clone()};
                    close("H(X)", 0.0, sub.entropyX(joint));
                    close("H(Y)", entropy(p), sub.entropyY(joint));
                    close("H(X, Y)", entropy(p), sub.jointEntropy(joint));
                    close("I(X; Y)", 0.0, sub.mutualInformation(joint));
                });
                ctx.example("joint = [[0.2], [0.3], [0.5]] (one column: Y is constant)", () -> {
                    double[][] joint = {{0.2}, {0.3}, {0.5}};
                    close("H(X)", entropy(p), sub.entropyX(joint));
                    close("H(Y)", 0.0, sub.entropyY(joint));
                    close("I(X; Y)", 0.0, sub.mutualInformation(joint));
                });
                ctx.example("joint = [[0.5, 0], [0, 0.5]] (Y = X)", () -> {
                    double[][] joint = {{0.5, 0}, {0, 0.5}};
                    close("H(X, Y) (log 2)", Math.log(2), sub.jointEntropy(joint));
                    close("I(X; Y) (log 2)", Math.log(2), sub.mutualInformation(joint));
                });
                ctx.example("joint = [[1e-12, 0], [0, 1 - 1e-12]] (nearly deterministic)", () -> {
                    double a = 1e-12, b = 1 - 1e-12;
                    double[][] joint = {{a, 0}, {0, b}};
                    double h = -a * Math.log(a) - b * Math.log(b);
                    // relative accuracy only: the whole entropy (2.86e-11) is of the size of a 1e-12 "safety" epsilon's error
                    Tolerance rel = Tolerance.of(1e-6, 0);
                    close("H(X)", h, sub.entropyX(joint), rel);
                    close("H(Y)", h, sub.entropyY(joint), rel);
                    close("H(X, Y)", h, sub.jointEntropy(joint), rel);
                    close("I(X; Y)", h, sub.mutualInformation(joint), rel);
                });
            }).enforces("entropyXValue", "entropyYValue", "jointEntropyValue", "mutualInformationValue", "shapes", "zeroConvention", "noEpsilon")
                .hint("A one-row table has H(X) = 0; Y = X gives I = H(X); add no epsilon inside the log, tiny entropies must stay exact.")
        );
    }
}
