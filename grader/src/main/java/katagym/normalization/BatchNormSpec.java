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

public final class BatchNormSpec implements KataSpec<BatchNorm> {
    private static final String TRAIN_HINT = "Training: per COLUMN, batch mean and biased batch variance; running stats get (1 - m) old + m new, the variance unbiased.";
    private static final String EVAL_HINT = "Eval: y = gamma * (x - runningMean) / sqrt(runningVar + eps) + beta; no batch statistics at all.";
    private static final String BACKWARD_HINT = "Per column: dx = rstd * (g - mean_r(g) - xhat * mean_r(g * xhat)), g = upstream * gamma; dgamma, dbeta sum over rows.";

    /** Momentum over its whole range: the usual values, and exactly 0 or 1. */
    static final Gen<Double> MOMENTUM = Gens.oneOf(0.1, 0.3, 0.01, 0.0, 1.0);

    /** A batch x[n][d] (n >= 2), the affine parameters, the running statistics, momentum, eps, and dL/dy. */
    record Case(double[][] x, double[] gamma, double[] beta, double[] runningMean, double[] runningVar,
                double momentum, double eps, double[][] upstream) {
        BatchNorm.TrainResult train(BatchNorm b) { return b.forwardTrain(x, gamma, beta, runningMean, runningVar, momentum, eps); }
        double[][] eval(BatchNorm b) { return b.forwardEval(x, gamma, beta, runningMean, runningVar, eps); }
        BatchNorm.Grads backward(BatchNorm b) { return b.backward(x, gamma, beta, eps, upstream); }
    }

    static Gen<Case> cases(Gen<Double> values, Gen<Double> eps) {
        return s -> {
            int n = s.intBetween(2, 5), d = s.intBetween(1, 4);
            return new Case(Gens.matrix(n, d, values).generate(s), Gens.vector(d, Gens.doubles(-2, 2)).generate(s),
                    Gens.vector(d, Gens.doubles(-2, 2)).generate(s), Gens.vector(d, Gens.doubles(-2, 2)).generate(s),
                    Gens.vector(d, Gens.doubles(0, 3)).generate(s), MOMENTUM.generate(s), eps.generate(s),
                    Gens.matrix(n, d, Gens.doubles(-2, 2)).generate(s));
        };
    }

    static final Gen<Double> EPS = Gens.oneOf(1e-5, 1e-3, 0.1);

    /** Column means and biased column variances, computed by the spec: {mean[d], var[d]}. */
    static double[][] columnStats(double[][] x) {
        int n = x.length, d = x[0].length;
        double[] mean = new double[d], var = new double[d];
        for (int j = 0; j < d; j++) {
            for (double[] row : x) mean[j] += row[j];
            mean[j] /= n;
            for (double[] row : x) var[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            var[j] /= n;
        }
        return new double[][] {mean, var};
    }

    static Gen<Case> wellSpread() {
        return cases(Gens.doubles(-3, 3), Gens.oneOf(1e-5)).filter(c -> {
            for (double v : columnStats(c.x())[1]) if (v < 0.1) return false;
            return true;
        });
    }

    /** A well-spread case whose entries are meant to be moved by {@code offset}; {@code x[r][j] + offset} is exact. */
    record ShiftedCase(Case c, double offset) {}

    /** Columns far from zero: a well-spread case rounded so that adding the offset (1e6 or -1e7) is exact. */
    static Gen<ShiftedCase> shiftedCases() {
        return s -> {
            Case c = wellSpread().generate(s);
            double offset = Gens.oneOf(1e6, -1e7).generate(s);
            return new ShiftedCase(new Case(shifted(shifted(c.x(), offset), -offset), c.gamma(), c.beta(), c.runningMean(),
                    c.runningVar(), c.momentum(), c.eps(), c.upstream()), offset);
        };
    }

    static double[][] shifted(double[][] x, double offset) {
        double[][] y = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            y[r] = new double[x[r].length];
            for (int j = 0; j < y[r].length; j++) y[r][j] = x[r][j] + offset;
        }
        return y;
    }

    /** Columns 1e7 from zero keep about 1e-9 of absolute precision; one-pass variances lose far more. */
    static final Tolerance SHIFTED = Tolerance.of(1e-9, 1e-6);

    static double[] ones(int d) {
        double[] v = new double[d];
        java.util.Arrays.fill(v, 1);
        return v;
    }

    @Override
    public Class<BatchNorm> contract() { return BatchNorm.class; }

    @Override
    public List<Check<BatchNorm>> checks() {
        return List.of(
            Check.<BatchNorm>oracle("trainMatchesReference", ctx -> ctx.forAll(cases(Gens.doubles(), EPS), c -> {
                BatchNorm.TrainResult want = c.train(ctx.oracle());
                BatchNorm.TrainResult got = pure("forwardTrain(x, gamma, beta, runningMean, runningVar, momentum, eps)",
                        () -> c.train(ctx.subject()), c.x(), c.gamma(), c.beta(), c.runningMean(), c.runningVar());
                close("y", want.y(), got.y());
                close("runningMean", want.runningMean(), got.runningMean());
                close("runningVar", want.runningVar(), got.runningVar());
            })).enforces("trainValue", "runningStatistics", "pure").hint(TRAIN_HINT),

            Check.<BatchNorm>oracle("evalMatchesReference", ctx -> ctx.forAll(cases(Gens.doubles(), EPS), c ->
                close("y", c.eval(ctx.oracle()), pure("forwardEval(x, gamma, beta, runningMean, runningVar, eps)",
                        () -> c.eval(ctx.subject()), c.x(), c.gamma(), c.beta(), c.runningMean(), c.runningVar()))))
                .enforces("evalValue", "pure").hint(EVAL_HINT),

            Check.<BatchNorm>oracle("backwardMatchesReference", ctx -> ctx.forAll(cases(Gens.doubles(), EPS), c -> {
                BatchNorm.Grads want = c.backward(ctx.oracle());
                BatchNorm.Grads got = pure("backward(x, gamma, beta, eps, upstream)", () -> c.backward(ctx.subject()),
                        c.x(), c.gamma(), c.beta(), c.upstream());
                close("dx", want.dx(), got.dx());
                close("dgamma", want.dgamma(), got.dgamma());
                close("dbeta", want.dbeta(), got.dbeta());
            })).enforces("backwardValue", "pure").hint(BACKWARD_HINT),

            Check.<BatchNorm>invariant("resultsAreNewArrays", ctx -> ctx.forAll(cases(Gens.doubles(), EPS), c -> {
                Object[] in = {c.x(), c.gamma(), c.beta(), c.runningMean(), c.runningVar(), c.upstream()};
                for (double m : new double[] {c.momentum(), 0.0}) {
                    String call = "forwardTrain(..., momentum = " + m + ", eps)";
                    fresh(call + ".y()", () -> ctx.subject().forwardTrain(c.x(), c.gamma(), c.beta(), c.runningMean(), c.runningVar(), m, c.eps()).y(), in);
                    fresh(call + ".runningMean()", () -> ctx.subject().forwardTrain(c.x(), c.gamma(), c.beta(), c.runningMean(), c.runningVar(), m, c.eps())
                            .runningMean(), in);
                    fresh(call + ".runningVar()", () -> ctx.subject().forwardTrain(c.x(), c.gamma(), c.beta(), c.runningMean(), c.runningVar(), m, c.eps())
                            .runningVar(), in);
                }
                fresh("forwardEval(...)", () -> c.eval(ctx.subject()), in);
                fresh("backward(...).dx()", () -> c.backward(ctx.subject()).dx(), in);
                fresh("backward(...).dgamma()", () -> c.backward(ctx.subject()).dgamma(), in);
                fresh("backward(...).dbeta()", () -> c.backward(ctx.subject()).dbeta(), in);
            })).enforces("newArrays")
                .hint("Allocate every result inside the call; with momentum 0 the running statistics are unchanged in value but must still be new arrays."),

            Check.<BatchNorm>example("handWorkedValues", ctx -> {
                double[][] x = {{1, 10}, {3, 10}};
                double[] gamma = {1, 2}, beta = {0, 1}, rm = {0.5, 0}, rv = {2, 1};
                ctx.example("x = [[1, 10], [3, 10]], gamma = [1, 2], beta = [0, 1], running (0.5, 2), (0, 1), momentum = 0.5, eps = 1e-5", () -> {
                    BatchNorm.TrainResult t = ctx.subject().forwardTrain(x, gamma, beta, rm, rv, 0.5, 1e-5);
                    double r = 1 / Math.sqrt(1 + 1e-5);
                    close("y (column 0: var 1, biased; column 1: constant, so y = beta)", new double[][] {{-r, 1}, {r, 1}}, t.y());
                    close("runningMean", new double[] {0.5 * 0.5 + 0.5 * 2, 0.5 * 10}, t.runningMean());
                    close("runningVar (unbiased batch variance 2 for column 0, n = 2)", new double[] {0.5 * 2 + 0.5 * 2, 0.5 * 1}, t.runningVar());
                });
                ctx.example("x = [[1, 10], [3, 10], [5, 10]], momentum = 1 (the running statistics become the batch's)", () -> {
                    BatchNorm.TrainResult t = ctx.subject().forwardTrain(new double[][] {{1, 10}, {3, 10}, {5, 10}}, gamma, beta, rm, rv, 1.0, 1e-5);
                    close("runningMean", new double[] {3, 10}, t.runningMean());
                    close("runningVar (8/3 biased, times 3/2: 4)", new double[] {4, 0}, t.runningVar());
                });
                ctx.example("forwardEval([[2.5, 0]]) with runningMean = [0.5, 0], runningVar = [2, 1], eps = 0", () ->
                    close("y", new double[][] {{2 / Math.sqrt(2), 1}},
                            ctx.subject().forwardEval(new double[][] {{2.5, 0}}, gamma, beta, rm, rv, 0.0)));
            }).enforces("trainValue", "runningStatistics", "evalValue")
                .hint("n / (n - 1) in double arithmetic (3 / 2 = 1 in int); momentum 1 replaces the running statistics by the batch's."),

            Check.<BatchNorm>invariant("trainColumnsHaveMeanZeroAndVarianceSigmaSquaredOverSigmaSquaredPlusEps", ctx -> ctx.forAll(cases(Gens.doubles(-5, 5), EPS), c -> {
                int n = c.x().length, d = c.gamma().length;
                double[][] y = ctx.subject().forwardTrain(c.x(), ones(d), new double[d], c.runningMean(), c.runningVar(), c.momentum(), c.eps()).y();
                shape("y", y, n, d);
                double[][] in = columnStats(c.x()), out = columnStats(y);
                for (int j = 0; j < d; j++) {
                    close("mean of output column " + j + " (gamma = 1, beta = 0)", 0.0, out[0][j], Tolerance.of(0, 1e-12));
                    close("biased variance of output column " + j + " (= var / (var + eps), var the batch's biased variance)",
                            in[1][j] / (in[1][j] + c.eps()), out[1][j], Tolerance.of(1e-9, 1e-14));
                }
            })).enforces("trainValue").hint("Training normalises each COLUMN with the batch mean and the biased batch variance (divide by n), eps inside the root."),

            Check.<BatchNorm>invariant("runningStatisticsUseMomentumAndTheUnbiasedVariance", ctx -> ctx.forAll(cases(Gens.doubles(-5, 5), EPS), c -> {
                int n = c.x().length, d = c.gamma().length;
                BatchNorm.TrainResult t = c.train(ctx.subject());
                double[][] st = columnStats(c.x());
                double[] rm = new double[d], rv = new double[d];
                for (int j = 0; j < d; j++) {
                    rm[j] = (1 - c.momentum()) * c.runningMean()[j] + c.momentum() * st[0][j];
                    rv[j] = (1 - c.momentum()) * c.runningVar()[j] + c.momentum() * st[1][j] * n / (n - 1);
                }
                close("runningMean (= (1 - momentum) * old + momentum * batch mean)", rm, t.runningMean());
                close("runningVar (= (1 - momentum) * old + momentum * batch variance * n / (n - 1))", rv, t.runningVar());
            })).enforces("runningStatistics").hint("PyTorch's momentum weighs the NEW statistic: running = (1 - momentum) * running + momentum * batch; the variance stored is unbiased (n / (n - 1))."),

            Check.<BatchNorm>invariant("evalOutputOfARowIgnoresTheRestOfTheBatch", ctx -> ctx.forAll(cases(Gens.doubles(-5, 5), EPS), c -> {
                double[][] all = c.eval(ctx.subject());
                for (int r = 0; r < c.x().length; r++) {
                    double[][] alone = ctx.subject().forwardEval(new double[][] {c.x()[r].clone()}, c.gamma(), c.beta(),
                            c.runningMean(), c.runningVar(), c.eps());
                    close("forwardEval of row " + r + " alone (must equal its row in the full batch)", all[r], alone[0]);
                }
            })).enforces("evalValue").hint("Eval mode uses runningMean and runningVar only: each row is normalised independently of the batch."),

            Check.<BatchNorm>invariant("evalWithTheBatchStatisticsEqualsTrain", ctx -> ctx.forAll(cases(Gens.doubles(-5, 5), EPS), c -> {
                double[][] st = columnStats(c.x());
                double[][] eval = ctx.subject().forwardEval(c.x(), c.gamma(), c.beta(), st[0], st[1], c.eps());
                close("forwardEval with runningMean = batch mean, runningVar = biased batch variance (must equal forwardTrain's y)",
                        c.train(ctx.subject()).y(), eval);
            })).enforces("evalValue", "trainValue").hint("Eval with the batch's own mean and biased variance must reproduce training's y: same formula, other statistics."),

            Check.<BatchNorm>gradcheck("dxAgreesWithCentralDifferences", ctx -> ctx.forAll(40, wellSpread(), c -> {
                int n = c.x().length, d = c.gamma().length;
                double[][] dx = c.backward(ctx.subject()).dx();
                shape("dx", dx, n, d);
                GradCheck.check("dx", Tensors.flat(c.x()), x -> Tensors.dot(c.upstream(), ctx.subject().forwardTrain(Tensors.matrix(x, n, d),
                        c.gamma(), c.beta(), c.runningMean(), c.runningVar(), c.momentum(), c.eps()).y()), Tensors.flat(dx));
            })).enforces("backwardValue").hint("The batch mean and variance depend on every row: dx = rstd * (g - mean_r(g) - xhat * mean_r(g * xhat)) per column, g = upstream * gamma."),

            Check.<BatchNorm>gradcheck("dgammaAndDbetaAgreeWithCentralDifferences", ctx -> ctx.forAll(40, wellSpread(), c -> {
                BatchNorm.Grads g = c.backward(ctx.subject());
                GradCheck.check("dgamma", c.gamma(), gm -> Tensors.dot(c.upstream(), ctx.subject().forwardTrain(c.x(), gm, c.beta(),
                        c.runningMean(), c.runningVar(), c.momentum(), c.eps()).y()), g.dgamma());
                GradCheck.check("dbeta", c.beta(), b -> Tensors.dot(c.upstream(), ctx.subject().forwardTrain(c.x(), c.gamma(), b,
                        c.runningMean(), c.runningVar(), c.momentum(), c.eps()).y()), g.dbeta());
            })).enforces("backwardValue").hint("dgamma sums upstream * xhat over the rows, dbeta sums upstream: per column, over the batch."),

            Check.<BatchNorm>stability("batchesShiftedBy1e7GiveTheSameOutputVarianceAndGradient", ctx -> ctx.forAll(shiftedCases(), sc -> {
                Case c = sc.c();
                Case far = new Case(shifted(c.x(), sc.offset()), c.gamma(), c.beta(), c.runningMean(), c.runningVar(), c.momentum(),
                        c.eps(), c.upstream());
                BatchNorm.TrainResult near = c.train(ctx.subject()), moved = far.train(ctx.subject());
                finite("forwardTrain(x + offset).y", moved.y());
                close("forwardTrain(x + offset).y (adding a constant to every entry changes neither x - mu nor var)", near.y(), moved.y(), SHIFTED);
                close("forwardTrain(x + offset).runningVar (the batch variance does not move)", near.runningVar(), moved.runningVar(), SHIFTED);
                close("backward(x + offset).dx (must equal backward(x).dx)", c.backward(ctx.subject()).dx(), far.backward(ctx.subject()).dx(), SHIFTED);
            })).enforces("trainValue", "backwardValue").hint("Compute var as mean((x - mu)^2), after the mean: mean(x^2) - mu^2 subtracts two numbers near 1e14 for columns around 1e7 and loses every digit."),

            Check.<BatchNorm>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        var in = g.input();
                        double[][] x = in.mat("x"), up = in.mat("upstream");
                        double[] gamma = in.vec("gamma"), beta = in.vec("beta");
                        double eps = in.num("eps");
                        BatchNorm.TrainResult t = ctx.subject().forwardTrain(x, gamma, beta, in.vec("runningMean"), in.vec("runningVar"),
                                in.num("momentum"), eps);
                        close("yTrain", g.output().mat("yTrain"), t.y());
                        close("runningMean after", g.output().vec("runningMeanAfter"), t.runningMean());
                        close("runningVar after", g.output().vec("runningVarAfter"), t.runningVar());
                        BatchNorm.Grads gr = ctx.subject().backward(x, gamma, beta, eps, up);
                        close("dx", g.output().mat("dx"), gr.dx());
                        close("dgamma", g.output().vec("dgamma"), gr.dgamma());
                        close("dbeta", g.output().vec("dbeta"), gr.dbeta());
                        close("yEval with the updated running statistics", g.output().mat("yEvalAfter"),
                                ctx.subject().forwardEval(x, gamma, beta, g.output().vec("runningMeanAfter"), g.output().vec("runningVarAfter"), eps));
                    });
                }
            }).enforces("trainValue", "runningStatistics", "evalValue", "backwardValue")
                .hint("These are torch.nn.BatchNorm1d's outputs, buffers and gradients on the case shown.")
        );
    }
}
