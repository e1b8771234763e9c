package katagym.normalization;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.finite;
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

public final class LayerNormSpec implements KataSpec<LayerNorm> {
    private static final String FORWARD_HINT = "Per ROW: mu, biased var (divide by d), xhat = (x - mu) / sqrt(var + eps), y = gamma * xhat + beta.";
    private static final String BACKWARD_HINT = "dx = rstd * (g - mean(g) - xhat * mean(g * xhat)) with g = upstream * gamma; dgamma and dbeta SUM over the rows.";

    /** Rows x[n][d], the affine parameters, eps, and the gradient flowing into y. */
    record Case(double[][] x, double[] gamma, double[] beta, double eps, double[][] upstream) {}

    static Gen<Case> cases(int minD, Gen<Double> values, Gen<Double> eps) {
        return s -> {
            int n = s.intBetween(1, 4), d = s.intBetween(minD, 6);
            return new Case(Gens.matrix(n, d, values).generate(s), Gens.vector(d, Gens.doubles(-2, 2)).generate(s),
                    Gens.vector(d, Gens.doubles(-2, 2)).generate(s), eps.generate(s), Gens.matrix(n, d, Gens.doubles(-2, 2)).generate(s));
        };
    }

    static final Gen<Double> EPS = Gens.oneOf(1e-5, 1e-3, 0.1);

    /** Biased variance of a row, computed by the spec. */
    static double[] meanAndVariance(double[] row) {
        double m = 0;
        for (double v : row) m += v;
        m /= row.length;
        double s = 0;
        for (double v : row) s += (v - m) * (v - m);
        return new double[] {m, s / row.length};
    }

    /** Rows of d >= 2 whose variance is at least 0.1, so central differences stay accurate. */
    static Gen<Case> wellSpread() {
        return cases(2, Gens.doubles(-3, 3), Gens.oneOf(1e-5)).filter(c -> {
            for (double[] row : c.x()) if (meanAndVariance(row)[1] < 0.1) return false;
            return true;
        });
    }

    /** A well-spread case whose rows are meant to be moved by {@code offset}; {@code x[r][i] + offset} is exact. */
    record ShiftedCase(Case c, double offset) {}

    /** Rows far from zero: a well-spread case rounded so that adding the offset (1e6 or -1e7) is exact. */
    static Gen<ShiftedCase> shiftedCases() {
        return s -> {
            Case c = wellSpread().generate(s);
            double offset = Gens.oneOf(1e6, -1e7).generate(s);
            double[][] near = new double[c.x().length][];
            for (int r = 0; r < near.length; r++) {
                near[r] = new double[c.x()[r].length];
                for (int i = 0; i < near[r].length; i++) near[r][i] = (c.x()[r][i] + offset) - offset;
            }
            return new ShiftedCase(new Case(near, c.gamma(), c.beta(), c.eps(), c.upstream()), offset);
        };
    }

    static double[][] shifted(double[][] x, double offset) {
        double[][] y = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            y[r] = new double[x[r].length];
            for (int i = 0; i < y[r].length; i++) y[r][i] = x[r][i] + offset;
        }
        return y;
    }

    /** Rows 1e7 from zero keep about 1e-9 of absolute precision; one-pass variances lose far more. */
    static final Tolerance SHIFTED = Tolerance.of(1e-9, 1e-6);

    static double[] ones(int d) {
        double[] v = new double[d];
        java.util.Arrays.fill(v, 1);
        return v;
    }

    @Override
    public Class<LayerNorm> contract() { return LayerNorm.class; }

    @Override
    public List<Check<LayerNorm>> checks() {
        return List.of(
            Check.<LayerNorm>oracle("forwardMatchesReference", ctx -> ctx.forAll(cases(1, Gens.doubles(), EPS), c ->
                close("y", ctx.oracle().forward(c.x(), c.gamma(), c.beta(), c.eps()),
                        pure("forward(x, gamma, beta, eps)", () -> ctx.subject().forward(c.x(), c.gamma(), c.beta(), c.eps()),
                                c.x(), c.gamma(), c.beta()))))
                .enforces("forwardValue", "pure").hint(FORWARD_HINT),

            Check.<LayerNorm>oracle("backwardMatchesReference", ctx -> ctx.forAll(cases(1, Gens.doubles(), EPS), c -> {
                LayerNorm.Grads want = ctx.oracle().backward(c.x(), c.gamma(), c.beta(), c.eps(), c.upstream());
                LayerNorm.Grads got = pure("backward(x, gamma, beta, eps, upstream)",
                        () -> ctx.subject().backward(c.x(), c.gamma(), c.beta(), c.eps(), c.upstream()), c.x(), c.gamma(), c.beta(), c.upstream());
                close("dx", want.dx(), got.dx());
                close("dgamma", want.dgamma(), got.dgamma());
                close("dbeta", want.dbeta(), got.dbeta());
            })).enforces("backwardValue", "pure").hint(BACKWARD_HINT),

            Check.<LayerNorm>invariant("resultsAreNewArrays", ctx -> ctx.forAll(cases(1, Gens.doubles(), EPS), c -> {
                fresh("forward(x, gamma, beta, eps)", () -> ctx.subject().forward(c.x(), c.gamma(), c.beta(), c.eps()), c.x(), c.gamma(), c.beta());
                Object[] in = {c.x(), c.gamma(), c.beta(), c.upstream()};
                fresh("backward(...).dx()", () -> ctx.subject().backward(c.x(), c.gamma(), c.beta(), c.eps(), c.upstream()).dx(), in);
                fresh("backward(...).dgamma()", () -> ctx.subject().backward(c.x(), c.gamma(), c.beta(), c.eps(), c.upstream()).dgamma(), in);
                fresh("backward(...).dbeta()", () -> ctx.subject().backward(c.x(), c.gamma(), c.beta(), c.eps(), c.upstream()).dbeta(), in);
            })).enforces("forwardNewArray", "backwardNewArrays")
                .hint("Allocate every result inside the call; dbeta with one row equals upstream[0] in value, but must be a copy."),

            Check.<LayerNorm>example("handWorkedValues", ctx -> {
                ctx.example("x = [[1, 3]], gamma = [2, 1], beta = [0, 5], eps = 1e-5", () -> {
                    double r = 1 / Math.sqrt(1 + 1e-5);
                    close("y (var = 1, biased)", new double[][] {{-2 * r, 5 + r}},
                            ctx.subject().forward(new double[][] {{1, 3}}, new double[] {2, 1}, new double[] {0, 5}, 1e-5));
                });
                ctx.example("x = [[7]], gamma = [3], beta = [0.5], eps = 0.1 (d = 1: the row is its own mean)", () -> {
                    close("y (= beta)", new double[][] {{0.5}}, ctx.subject().forward(new double[][] {{7}}, new double[] {3}, new double[] {0.5}, 0.1));
                    LayerNorm.Grads g = ctx.subject().backward(new double[][] {{7}}, new double[] {3}, new double[] {0.5}, 0.1, new double[][] {{2}});
                    close("dx", new double[][] {{0}}, g.dx());
                    close("dgamma", new double[] {0}, g.dgamma());
                    close("dbeta", new double[] {2}, g.dbeta());
                });
                ctx.example("x = [[1, 3], [1, 3]], upstream = [[1, 0], [1, 0]], gamma = [1, 1], eps = 1e-5 (two equal rows)", () -> {
                    LayerNorm.Grads g = ctx.subject().backward(new double[][] {{1, 3}, {1, 3}}, new double[] {1, 1}, new double[] {0, 0}, 1e-5,
                            new double[][] {{1, 0}, {1, 0}});
                    double r = 1 / Math.sqrt(1 + 1e-5);
                    close("dgamma (summed over the 2 rows)", new double[] {-2 * r, 0}, g.dgamma());
                    close("dbeta (summed over the 2 rows)", new double[] {2, 0}, g.dbeta());
                });
            }).enforces("forwardValue", "backwardValue")
                .hint("var of [1, 3] is 1 (divide by d = 2); a single feature normalises to 0, so y = beta; dgamma and dbeta sum over rows."),

            Check.<LayerNorm>invariant("rowsHaveMeanZeroAndVarianceSigmaSquaredOverSigmaSquaredPlusEps", ctx -> ctx.forAll(
                    cases(2, Gens.doubles(-5, 5), EPS), c -> {
                int d = c.gamma().length;
                double[][] y = ctx.subject().forward(c.x(), ones(d), new double[d], c.eps());
                shape("y", y, c.x().length, d);
                for (int r = 0; r < y.length; r++) {
                    double var = meanAndVariance(c.x()[r])[1];
                    double[] stats = meanAndVariance(y[r]);
                    close("mean of output row " + r + " (gamma = 1, beta = 0)", 0.0, stats[0], Tolerance.of(0, 1e-12));
                    close("biased variance of output row " + r + " (= var / (var + eps), var the biased variance of x[" + r + "])",
                            var / (var + c.eps()), stats[1], Tolerance.of(1e-9, 1e-14));
                }
            })).enforces("forwardValue").hint("Biased variance (divide by d, not d - 1), and eps INSIDE the square root: (x - mu) / sqrt(var + eps)."),

            Check.<LayerNorm>invariant("gammaAndBetaApplyElementwiseAfterNormalising", ctx -> ctx.forAll(cases(1, Gens.doubles(-5, 5), EPS), c -> {
                int d = c.gamma().length;
                double[][] plain = ctx.subject().forward(c.x(), ones(d), new double[d], c.eps());
                double[][] want = new double[plain.length][d];
                for (int r = 0; r < plain.length; r++) for (int i = 0; i < d; i++) want[r][i] = c.gamma()[i] * plain[r][i] + c.beta()[i];
                close("forward(x, gamma, beta) (= gamma * forward(x, 1, 0) + beta)", want, ctx.subject().forward(c.x(), c.gamma(), c.beta(), c.eps()));
            })).enforces("forwardValue").hint("gamma and beta act per FEATURE (index i of the row), after normalising: y = gamma[i] * xhat + beta[i]."),

            Check.<LayerNorm>gradcheck("dxAgreesWithCentralDifferences", ctx -> ctx.forAll(40, wellSpread(), c -> {
                int n = c.x().length, d = c.gamma().length;
                double[][] dx = ctx.subject().backward(c.x(), c.gamma(), c.beta(), c.eps(), c.upstream()).dx();
                shape("dx", dx, n, d);
                GradCheck.check("dx", Tensors.flat(c.x()),
                        x -> Tensors.dot(c.upstream(), ctx.subject().forward(Tensors.matrix(x, n, d), c.gamma(), c.beta(), c.eps())),
                        Tensors.flat(dx));
            })).enforces("backwardValue").hint("mu and var depend on every x in the row: dx = rstd * (g - mean(g) - xhat * mean(g * xhat)) with g = upstream * gamma."),

            Check.<LayerNorm>gradcheck("dgammaAndDbetaAgreeWithCentralDifferences", ctx -> ctx.forAll(40, wellSpread(), c -> {
                LayerNorm.Grads g = ctx.subject().backward(c.x(), c.gamma(), c.beta(), c.eps(), c.upstream());
                GradCheck.check("dgamma", c.gamma(), gm -> Tensors.dot(c.upstream(), ctx.subject().forward(c.x(), gm, c.beta(), c.eps())), g.dgamma());
                GradCheck.check("dbeta", c.beta(), b -> Tensors.dot(c.upstream(), ctx.subject().forward(c.x(), c.gamma(), b, c.eps())), g.dbeta());
            })).enforces("backwardValue").hint("dgamma sums upstream * xhat over the rows; dbeta sums upstream."),

            Check.<LayerNorm>stability("rowsShiftedBy1e7GiveTheSameOutputAndGradient", ctx -> ctx.forAll(shiftedCases(), sc -> {
                Case c = sc.c();
                double[][] far = shifted(c.x(), sc.offset());
                double[][] y = ctx.subject().forward(far, c.gamma(), c.beta(), c.eps());
                finite("forward(x + offset)", y);
                close("forward(x + offset) (adding a constant to a row changes neither x - mu nor var)",
                        ctx.subject().forward(c.x(), c.gamma(), c.beta(), c.eps()), y, SHIFTED);
                close("backward(x + offset).dx (must equal backward(x).dx)",
                        ctx.subject().backward(c.x(), c.gamma(), c.beta(), c.eps(), c.upstream()).dx(),
                        ctx.subject().backward(far, c.gamma(), c.beta(), c.eps(), c.upstream()).dx(), SHIFTED);
            })).enforces("forwardStable").hint("Compute var as mean((x - mu)^2), after the mean: mean(x^2) - mu^2 subtracts two numbers near 1e14 for rows around 1e7 and loses every digit."),

            Check.<LayerNorm>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        var in = g.input();
                        double[][] x = in.mat("x"), up = in.mat("upstream");
                        double[] gamma = in.vec("gamma"), beta = in.vec("beta");
                        double eps = in.num("eps");
                        close("y", g.output().mat("y"), ctx.subject().forward(x, gamma, beta, eps));
                        LayerNorm.Grads got = ctx.subject().backward(x, gamma, beta, eps, up);
                        close("dx", g.output().mat("dx"), got.dx());
                        close("dgamma", g.output().vec("dgamma"), got.dgamma());
                        close("dbeta", g.output().vec("dbeta"), got.dbeta());
                    });
                }
            }).enforces("forwardValue", "backwardValue").hint("These are torch.nn.LayerNorm's output and autograd gradients on the case shown.")
        );
    }
}
