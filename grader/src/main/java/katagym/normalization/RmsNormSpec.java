package katagym.normalization;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;

import java.util.List;
import katagym.grader.check.GradCheck;
import katagym.grader.check.Tensors;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class RmsNormSpec implements KataSpec<RmsNorm> {
    private static final String FORWARD_HINT = "Per row: rinv = 1 / sqrt(mean(x^2) + eps), y = x * rinv * gamma; no mean subtraction.";
    private static final String BACKWARD_HINT = "dx = rinv * (g - xhat * mean(g * xhat)) with g = upstream * gamma, xhat = x * rinv; dgamma SUMS upstream * xhat over rows.";

    /** Rows x[n][d], the gain, eps, and the gradient flowing into y. */
    record Case(double[][] x, double[] gamma, double eps, double[][] upstream) {}

    static Gen<Case> cases(Gen<Double> values, Gen<Double> eps) {
        return s -> {
            int n = s.intBetween(1, 4), d = s.intBetween(1, 6);
            return new Case(Gens.matrix(n, d, values).generate(s), Gens.vector(d, Gens.doubles(-2, 2)).generate(s),
                    eps.generate(s), Gens.matrix(n, d, Gens.doubles(-2, 2)).generate(s));
        };
    }

    static final Gen<Double> EPS = Gens.oneOf(1e-6, 1e-3, 0.1);

    static double meanSquare(double[] row) {
        double s = 0;
        for (double v : row) s += v * v;
        return s / row.length;
    }

    /** Rows whose mean square is at least 0.1, so central differences stay accurate. */
    static Gen<Case> wellScaled() {
        return cases(Gens.doubles(-3, 3), Gens.oneOf(1e-6)).filter(c -> {
            for (double[] row : c.x()) if (meanSquare(row) < 0.1) return false;
            return true;
        });
    }

    static double[] ones(int d) {
        double[] v = new double[d];
        java.util.Arrays.fill(v, 1);
        return v;
    }

    @Override
    public Class<RmsNorm> contract() { return RmsNorm.class; }

    @Override
    public List<Check<RmsNorm>> checks() {
        return List.of(
            Check.<RmsNorm>oracle("forwardMatchesReference", ctx -> ctx.forAll(cases(Gens.doubles(), EPS), c ->
                close("y", ctx.oracle().forward(c.x(), c.gamma(), c.eps()),
                        pure("forward(x, gamma, eps)", () -> ctx.subject().forward(c.x(), c.gamma(), c.eps()), c.x(), c.gamma()))))
                .enforces("forwardValue", "pure").hint(FORWARD_HINT),

            Check.<RmsNorm>oracle("backwardMatchesReference", ctx -> ctx.forAll(cases(Gens.doubles(), EPS), c -> {
                RmsNorm.Grads want = ctx.oracle().backward(c.x(), c.gamma(), c.eps(), c.upstream());
                RmsNorm.Grads got = pure("backward(x, gamma, eps, upstream)", () -> ctx.subject().backward(c.x(), c.gamma(), c.eps(), c.upstream()),
                        c.x(), c.gamma(), c.upstream());
                close("dx", want.dx(), got.dx());
                close("dgamma", want.dgamma(), got.dgamma());
            })).enforces("backwardValue", "pure").hint(BACKWARD_HINT),

            Check.<RmsNorm>invariant("resultsAreNewArrays", ctx -> ctx.forAll(cases(Gens.doubles(), EPS), c -> {
                fresh("forward(x, gamma, eps)", () -> ctx.subject().forward(c.x(), c.gamma(), c.eps()), c.x(), c.gamma());
                Object[] in = {c.x(), c.gamma(), c.upstream()};
                fresh("backward(...).dx()", () -> ctx.subject().backward(c.x(), c.gamma(), c.eps(), c.upstream()).dx(), in);
                fresh("backward(...).dgamma()", () -> ctx.subject().backward(c.x(), c.gamma(), c.eps(), c.upstream()).dgamma(), in);
            })).enforces("forwardNewArray", "backwardNewArrays")
                .hint("Allocate every result inside the call: a matrix kept in a field is overwritten by the next call."),

            Check.<RmsNorm>example("handWorkedValues", ctx -> {
                ctx.example("x = [[3, 4]], gamma = [1, 2], eps = 0.5 (mean square 12.5)", () ->
                    close("y", new double[][] {{3 / Math.sqrt(13), 8 / Math.sqrt(13)}},
                            ctx.subject().forward(new double[][] {{3, 4}}, new double[] {1, 2}, 0.5)));
                ctx.example("x = [[2], [2]], gamma = [1], eps = 1e-6, upstream = [[1], [1]] (two equal rows, d = 1)", () -> {
                    RmsNorm.Grads g = ctx.subject().backward(new double[][] {{2}, {2}}, new double[] {1}, 1e-6, new double[][] {{1}, {1}});
                    double r = 1 / Math.sqrt(4 + 1e-6);
                    close("dgamma (summed over the 2 rows)", new double[] {2 * 2 * r}, g.dgamma());
                    // y = x / sqrt(x^2 + eps): dy/dx = eps / (x^2 + eps)^1.5
                    close("dx", new double[][] {{1e-6 * r * r * r}, {1e-6 * r * r * r}}, g.dx(), Tolerance.of(1e-6, 1e-15));
                });
            }).enforces("forwardValue", "backwardValue")
                .hint("mean(x^2) of [3, 4] is 12.5, so with eps = 0.5 the divisor is sqrt(13); dgamma sums over rows."),

            Check.<RmsNorm>invariant("outputMeanSquareIsMsOverMsPlusEps", ctx -> ctx.forAll(cases(Gens.doubles(-5, 5), EPS), c -> {
                int d = c.gamma().length;
                double[][] y = ctx.subject().forward(c.x(), ones(d), c.eps());
                shape("y", y, c.x().length, d);
                for (int r = 0; r < y.length; r++) {
                    double ms = meanSquare(c.x()[r]);
                    close("mean of y[" + r + "]^2 with gamma = 1 (= ms / (ms + eps), ms = mean of x[" + r + "]^2)",
                            ms / (ms + c.eps()), meanSquare(y[r]), Tolerance.of(1e-9, 1e-14));
                    for (int i = 0; i < d; i++) {
                        int k = i, row = r;
                        katagym.grader.check.Checks.that(y[r][i] == 0 ? c.x()[r][i] == 0 : Math.signum(y[r][i]) == Math.signum(c.x()[r][i]),
                                () -> "y[" + row + "][" + k + "] = " + y[row][k] + " has a different sign from x = " + c.x()[row][k]
                                        + ": RMSNorm only rescales the row, it never centres it");
                    }
                }
            })).enforces("forwardValue").hint("RMSNorm does not subtract the mean: y = x / sqrt(mean(x^2) + eps) * gamma, with the MEAN of the squares and eps inside the root."),

            Check.<RmsNorm>invariant("gammaScalesEachFeature", ctx -> ctx.forAll(cases(Gens.doubles(-5, 5), EPS), c -> {
                int d = c.gamma().length;
                double[][] plain = ctx.subject().forward(c.x(), ones(d), c.eps());
                double[][] want = new double[plain.length][d];
                for (int r = 0; r < plain.length; r++) for (int i = 0; i < d; i++) want[r][i] = c.gamma()[i] * plain[r][i];
                close("forward(x, gamma) (= gamma * forward(x, 1))", want, ctx.subject().forward(c.x(), c.gamma(), c.eps()));
            })).enforces("forwardValue").hint("gamma multiplies each FEATURE i after normalising the row."),

            Check.<RmsNorm>gradcheck("dxAgreesWithCentralDifferences", ctx -> ctx.forAll(40, wellScaled(), c -> {
                int n = c.x().length, d = c.gamma().length;
                double[][] dx = ctx.subject().backward(c.x(), c.gamma(), c.eps(), c.upstream()).dx();
                shape("dx", dx, n, d);
                GradCheck.check("dx", Tensors.flat(c.x()),
                        x -> Tensors.dot(c.upstream(), ctx.subject().forward(Tensors.matrix(x, n, d), c.gamma(), c.eps())), Tensors.flat(dx));
            })).enforces("backwardValue").hint("The RMS depends on every x of the row: dx = rinv * (g - xhat * mean(g * xhat)) with g = upstream * gamma and xhat = x * rinv."),

            Check.<RmsNorm>gradcheck("dgammaAgreesWithCentralDifferences", ctx -> ctx.forAll(40, wellScaled(), c -> {
                double[] dgamma = ctx.subject().backward(c.x(), c.gamma(), c.eps(), c.upstream()).dgamma();
                GradCheck.check("dgamma", c.gamma(), g -> Tensors.dot(c.upstream(), ctx.subject().forward(c.x(), g, c.eps())), dgamma);
            })).enforces("backwardValue").hint("dgamma[i] = sum over rows of upstream[r][i] * xhat[r][i]: a sum, not a mean."),

            Check.<RmsNorm>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        var in = g.input();
                        double[][] x = in.mat("x"), up = in.mat("upstream");
                        double[] gamma = in.vec("gamma");
                        double eps = in.num("eps");
                        close("y", g.output().mat("y"), ctx.subject().forward(x, gamma, eps));
                        RmsNorm.Grads got = ctx.subject().backward(x, gamma, eps, up);
                        close("dx", g.output().mat("dx"), got.dx());
                        close("dgamma", g.output().vec("dgamma"), got.dgamma());
                    });
                }
            }).enforces("forwardValue", "backwardValue").hint("These are a PyTorch RMSNorm's output and autograd gradients on the case shown.")
        );
    }
}
