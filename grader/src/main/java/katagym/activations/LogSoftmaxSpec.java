package katagym.activations;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.GradCheck;
import katagym.grader.check.Tensors;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class LogSoftmaxSpec implements KataSpec<LogSoftmax> {

    /** Logits x[rows][cols], the gradient flowing back into the output, and one constant per row. */
    record Case(double[][] x, double[][] upstream, double[] shifts) {}

    static Gen<Case> cases(Gen<Double> values) {
        return s -> {
            double[][] x = Gens.matrices(1, 4, 1, 6, values).generate(s);
            double[][] up = Gens.matrix(x.length, x[0].length, Gens.doubles(-2, 2)).generate(s);
            double[] shifts = Gens.vector(x.length, Gens.doubles(-50, 50)).generate(s);
            return new Case(x, up, shifts);
        };
    }

    static double[][] shifted(double[][] x, double[] shifts) {
        double[][] out = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            out[r] = x[r].clone();
            for (int j = 0; j < out[r].length; j++) out[r][j] += shifts[r];
        }
        return out;
    }

    /** Each row's maximum. */
    static double[] rowMax(double[][] x) {
        double[] m = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            m[r] = Double.NEGATIVE_INFINITY;
            for (double v : x[r]) m[r] = Math.max(m[r], v);
        }
        return m;
    }

    /**
     * Every entry finite and <= 0 (up to rounding), and each row a log-distribution: the largest entry lies in
     * [-log(cols), 0] and the exps sum to 1 (summed relative to the largest, so huge gaps cannot underflow it).
     */
    static void rowsAreLogDistributions(String what, double[][] x, double[][] y) {
        shape(what, y, x.length, x[0].length);
        finite(what, y);
        for (int r = 0; r < y.length; r++) {
            for (int j = 0; j < y[r].length; j++) {
                int rr = r, jj = j;
                // a stable log-sum-exp gives exactly <= 0; 1e-12 forgives only rounding
                that(y[r][j] <= 1e-12, () -> what + "[" + rr + "][" + jj + "] = " + y[rr][jj] + " is positive: a log-probability is <= 0");
            }
            double sum = 0;
            for (double v : y[r]) sum += Math.exp(v);
            close("sum of exp(" + what + ") over row " + r + " (must be 1)", 1.0, sum, Tolerance.of(1e-12, 1e-12));
        }
    }

    @Override
    public Class<LogSoftmax> contract() { return LogSoftmax.class; }

    @Override
    public List<Check<LogSoftmax>> checks() {
        return List.of(
            Check.<LogSoftmax>oracle("forwardMatchesReference", ctx -> ctx.forAll(cases(Gens.logits()), c ->
                close("log_softmax(x)", ctx.oracle().forward(c.x()),
                        pure("forward(x)", () -> ctx.subject().forward(c.x()), (Object) c.x())))),

            Check.<LogSoftmax>oracle("backwardMatchesReference", ctx -> ctx.forAll(cases(Gens.logits()), c ->
                close("dx", ctx.oracle().backward(c.x(), c.upstream()),
                        pure("backward(x, upstream)", () -> ctx.subject().backward(c.x(), c.upstream()), c.x(), c.upstream())))),

            Check.<LogSoftmax>invariant("expOfEachRowSumsToOneAndEntriesAreNonPositive", ctx -> ctx.forAll(cases(Gens.doubles()), c ->
                rowsAreLogDistributions("log_softmax(x)", c.x(), ctx.subject().forward(c.x()))))
                .hint("y = x - logsumexp(x) per row (the last axis): exp(y) is then a distribution and every y <= 0."),

            Check.<LogSoftmax>invariant("addingAConstantToARowChangesNothing", ctx -> ctx.forAll(cases(Gens.doubles()), c ->
                // x - logsumexp(x) loses about |shift| * 1e-16 to rounding, hence an absolute slack of 1e-13
                close("log_softmax(x + c) against log_softmax(x) (a per-row constant cancels)", ctx.subject().forward(c.x()),
                        ctx.subject().forward(shifted(c.x(), c.shifts())), Tolerance.of(1e-9, 1e-13))))
                .hint("logsumexp(x + c) = logsumexp(x) + c, so the constant cancels within each row."),

            Check.<LogSoftmax>invariant("backwardRowsSumToZero", ctx -> ctx.forAll(cases(Gens.doubles()), c -> {
                double[][] dx = ctx.subject().backward(c.x(), c.upstream());
                shape("dx", dx, c.x().length, c.x()[0].length);
                for (int r = 0; r < dx.length; r++) {
                    double sum = 0, scale = 0;
                    for (int j = 0; j < dx[r].length; j++) {
                        sum += dx[r][j];
                        scale += Math.abs(c.upstream()[r][j]);
                    }
                    close("sum of row " + r + " of dx (moving all logits of a row together changes nothing: must be 0)",
                            0.0, sum, Tolerance.of(0, 1e-12 * (1 + scale)));
                }
            })).hint("dx = g - softmax(x) * sum(g) per row: the softmax weights multiply the row's total upstream, not g elementwise."),

            Check.<LogSoftmax>gradcheck("backwardAgreesWithCentralDifferences", ctx -> ctx.forAll(50, cases(Gens.doubles(-5, 5)), c -> {
                int rows = c.x().length, cols = c.x()[0].length;
                GradCheck.check("dx", Tensors.flat(c.x()),
                        xf -> Tensors.dot(c.upstream(), ctx.subject().forward(Tensors.matrix(xf, rows, cols))),
                        Tensors.flat(ctx.subject().backward(c.x(), c.upstream())));
            })).hint("d y_j / d x_k = [j == k] - softmax(x)_k, so dx_k = g_k - softmax(x)_k * sum_j g_j."),

            Check.<LogSoftmax>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        close("y", g.output().mat("y"), ctx.subject().forward(g.input().mat("x")));
                        close("dx", g.output().mat("dx"), ctx.subject().backward(g.input().mat("x"), g.input().mat("upstream")));
                    });
                }
            }),

            Check.<LogSoftmax>stability("finiteAndExactForLogitsUpTo1e3", ctx -> ctx.forAll(cases(Gens.extremes()), c -> {
                double[][] y = ctx.subject().forward(c.x());
                rowsAreLogDistributions("log_softmax(x)", c.x(), y);
                double[] m = rowMax(c.x());
                double[] minus = new double[m.length];
                for (int r = 0; r < m.length; r++) minus[r] = -m[r];
                double[][] centred = ctx.subject().forward(shifted(c.x(), minus));
                close("log_softmax(x) against log_softmax(x - rowmax)", centred, y, Tolerance.of(1e-9, 1e-12));
                finite("dx", ctx.subject().backward(c.x(), c.upstream()));
            })).hint("Never take log(softmax): exp(-2000) is 0 and log(0) = -Infinity. Use y = (x - m) - log(sum exp(x - m)).")
        );
    }
}
