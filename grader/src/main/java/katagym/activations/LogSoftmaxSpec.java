package katagym.activations;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
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

    private static final String FORWARD_HINT = "y = x - logsumexp(x) per row (the last axis), with logsumexp(v) = m + log(sum exp(v - m)), m the row max.";
    private static final String BACKWARD_HINT = "d y_j / d x_k = [j == k] - softmax(x)_k, so dx_k = g_k - softmax(x)_k * sum_j g_j, per row.";

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
            Check.<LogSoftmax>oracle("forwardMatchesReference", ctx -> ctx.forAll(RowwiseCase.cases(Gens.logits()), c ->
                close("log_softmax(x)", ctx.oracle().forward(c.x()),
                        pure("forward(x)", () -> ctx.subject().forward(c.x()), (Object) c.x()))))
                .enforces("forwardValue", "newArray").hint(FORWARD_HINT),

            Check.<LogSoftmax>oracle("backwardMatchesReference", ctx -> ctx.forAll(RowwiseCase.cases(Gens.logits()), c ->
                close("dx", ctx.oracle().backward(c.x(), c.upstream()),
                        pure("backward(x, upstream)", () -> ctx.subject().backward(c.x(), c.upstream()), c.x(), c.upstream()))))
                .enforces("backwardValue", "newArray").hint(BACKWARD_HINT),

            Check.<LogSoftmax>example("handWorkedValues", ctx -> {
                double l2 = Math.log(2), lp = Math.log1p(Math.exp(-1.0)); // log 2, log(1 + e^-1)
                ctx.example("x = [[0, 0], [1000, 1000, -1000], [7]]: ties split evenly", () -> {
                    close("log_softmax([[0, 0]])", new double[][] {{-l2, -l2}}, ctx.subject().forward(new double[][] {{0, 0}}));
                    close("log_softmax([[1000, 1000, -1000]])", new double[][] {{-l2, -l2, -2000 - l2}},
                            ctx.subject().forward(new double[][] {{1000, 1000, -1000}}));
                    close("log_softmax([[7]]) (one column)", new double[][] {{0.0}}, ctx.subject().forward(new double[][] {{7}}));
                });
                ctx.example("x = [[1000, 999], [-1000, -1001]]: each row has its own maximum", () -> close("log_softmax(x)",
                        new double[][] {{-lp, -1 - lp}, {-lp, -1 - lp}}, ctx.subject().forward(new double[][] {{1000, 999}, {-1000, -1001}})));
                ctx.example("x = [[0, 0]], upstream = [[1, 0]]", () -> close("dx (p = [1/2, 1/2], sum g = 1)",
                        new double[][] {{0.5, -0.5}}, ctx.subject().backward(new double[][] {{0, 0}}, new double[][] {{1, 0}})));
                ctx.example("x = [[1000, 999], [-1000, -1001]], upstream = [[1, 0], [0, 1]]", () -> {
                    double p = 1 / (1 + Math.exp(-1.0));
                    close("dx", new double[][] {{1 - p, -(1 - p)}, {-p, 1 - (1 - p)}},
                            ctx.subject().backward(new double[][] {{1000, 999}, {-1000, -1001}}, new double[][] {{1, 0}, {0, 1}}));
                });
                ctx.example("x with no rows (new double[0][])", () -> RowwiseCase.noRowsGiveNoRows(ctx.subject(), LogSoftmax::forward, s -> s::backward));
            }).enforces("forwardValue", "forwardStable", "backwardValue", "backwardStable", "emptyInput")
                .hint("log_softmax([0, 0]) = [-log 2, -log 2]; subtract each row's own maximum; a matrix with no rows is valid (do not read x[0])."),

            RowwiseCase.<LogSoftmax>resultsAreNewArrays(LogSoftmax::forward, s -> s::backward),

            Check.<LogSoftmax>invariant("expOfEachRowSumsToOneAndEntriesAreNonPositive", ctx -> ctx.forAll(RowwiseCase.cases(Gens.doubles()), c ->
                rowsAreLogDistributions("log_softmax(x)", c.x(), ctx.subject().forward(c.x()))))
                .enforces("forwardValue").hint("y = x - logsumexp(x) per row (the last axis): exp(y) is then a distribution and every y <= 0."),

            Check.<LogSoftmax>invariant("addingAConstantToARowChangesNothing", ctx -> ctx.forAll(RowwiseCase.cases(Gens.doubles()), c ->
                // x - logsumexp(x) loses about |shift| * 1e-16 to rounding, hence an absolute slack of 1e-13
                close("log_softmax(x + c) against log_softmax(x) (a per-row constant cancels)", ctx.subject().forward(c.x()),
                        ctx.subject().forward(RowwiseCase.shifted(c.x(), c.shifts())), Tolerance.of(1e-9, 1e-13))))
                .enforces("forwardValue").hint("logsumexp(x + c) = logsumexp(x) + c, so the constant cancels within each row."),

            Check.<LogSoftmax>invariant("backwardRowsSumToZero", ctx -> ctx.forAll(RowwiseCase.cases(Gens.doubles()), c -> {
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
            })).enforces("backwardValue").hint("dx = g - softmax(x) * sum(g) per row: the softmax weights multiply the row's total upstream, not g elementwise."),

            Check.<LogSoftmax>gradcheck("backwardAgreesWithCentralDifferences", ctx -> ctx.forAll(50, RowwiseCase.cases(Gens.doubles(-5, 5)), c -> {
                int rows = c.x().length, cols = c.x()[0].length;
                GradCheck.check("dx", Tensors.flat(c.x()),
                        xf -> Tensors.dot(c.upstream(), ctx.subject().forward(Tensors.matrix(xf, rows, cols))),
                        Tensors.flat(ctx.subject().backward(c.x(), c.upstream())));
            })).enforces("backwardValue").hint(BACKWARD_HINT),

            Check.<LogSoftmax>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        close("y", g.output().mat("y"), ctx.subject().forward(g.input().mat("x")));
                        close("dx", g.output().mat("dx"), ctx.subject().backward(g.input().mat("x"), g.input().mat("upstream")));
                    });
                }
            }).enforces("forwardValue", "backwardValue")
                .hint("These are torch.log_softmax(x, dim=-1) values and gradients: work per row, the last axis."),

            Check.<LogSoftmax>stability("finiteAndExactForLogitsUpTo1e3", ctx -> ctx.forAll(RowwiseCase.cases(Gens.extremes()), c -> {
                double[][] y = ctx.subject().forward(c.x());
                rowsAreLogDistributions("log_softmax(x)", c.x(), y);
                double[] m = RowwiseCase.rowMax(c.x());
                double[] minus = new double[m.length];
                for (int r = 0; r < m.length; r++) minus[r] = -m[r];
                double[][] centred = ctx.subject().forward(RowwiseCase.shifted(c.x(), minus));
                close("log_softmax(x) against log_softmax(x - rowmax)", centred, y, Tolerance.of(1e-9, 1e-12));
                finite("dx", ctx.subject().backward(c.x(), c.upstream()));
            })).enforces("forwardStable", "backwardStable").hint("Never take log(softmax): exp(-2000) is 0 and log(0) = -Infinity. Use y = (x - m) - log(sum exp(x - m)).")
        );
    }
}
