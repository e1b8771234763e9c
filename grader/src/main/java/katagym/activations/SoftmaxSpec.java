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

public final class SoftmaxSpec implements KataSpec<Softmax> {

    /** Rows whose logits all lie far out (|x| from 100 to 1000), some rows entirely negative. */
    private static final String FORWARD_HINT = "Each row is one distribution: y[r][j] = exp(x[r][j] - m_r) / sum_k exp(x[r][k] - m_r), m_r the max of row r.";
    private static final String BACKWARD_HINT = "The Jacobian is diag(y) - y y^T, not diagonal: dx = y * (g - sum_k g_k y_k), per row.";

    static Gen<RowwiseCase> extremeCases() { return RowwiseCase.cases(Gens.extremes()); }

    static void rowsAreDistributions(String what, double[][] x, double[][] y) {
        shape(what, y, x.length, x[0].length);
        finite(what, y);
        for (int r = 0; r < y.length; r++) {
            double sum = 0;
            for (int j = 0; j < y[r].length; j++) {
                int rr = r, jj = j;
                that(y[r][j] >= 0 && y[r][j] <= 1, () -> what + "[" + rr + "][" + jj + "] = " + y[rr][jj] + " lies outside [0, 1]");
                sum += y[r][j];
            }
            close("sum of row " + r + " of " + what + " (must be 1)", 1.0, sum, Tolerance.of(1e-12, 1e-12));
        }
    }

    @Override
    public Class<Softmax> contract() { return Softmax.class; }

    @Override
    public List<Check<Softmax>> checks() {
        return List.of(
            Check.<Softmax>oracle("forwardMatchesReference", ctx -> ctx.forAll(RowwiseCase.cases(Gens.logits()), c ->
                close("softmax(x)", ctx.oracle().forward(c.x()),
                        pure("forward(x)", () -> ctx.subject().forward(c.x()), (Object) c.x()))))
                .enforces("forwardValue", "newArray").hint(FORWARD_HINT),

            Check.<Softmax>oracle("backwardMatchesReference", ctx -> ctx.forAll(RowwiseCase.cases(Gens.logits()), c ->
                close("dx", ctx.oracle().backward(c.x(), c.upstream()),
                        pure("backward(x, upstream)", () -> ctx.subject().backward(c.x(), c.upstream()), c.x(), c.upstream()))))
                .enforces("backwardValue", "newArray").hint(BACKWARD_HINT),

            Check.<Softmax>example("handWorkedValues", ctx -> {
                double e1 = 1 / (1 + Math.exp(-1.0)); // softmax([1, 0])[0]
                ctx.example("x = [[0, 0], [1000, 1000, -1000] ...]: ties split evenly", () -> {
                    close("softmax([[0, 0]])", new double[][] {{0.5, 0.5}}, ctx.subject().forward(new double[][] {{0, 0}}));
                    close("softmax([[1000, 1000, -1000]])", new double[][] {{0.5, 0.5, 0.0}}, ctx.subject().forward(new double[][] {{1000, 1000, -1000}}));
                    close("softmax([[7]]) (one column)", new double[][] {{1.0}}, ctx.subject().forward(new double[][] {{7}}));
                });
                ctx.example("x = [[1000, 999], [-1000, -1001]]: each row has its own maximum", () -> close("softmax(x)",
                        new double[][] {{e1, 1 - e1}, {e1, 1 - e1}}, ctx.subject().forward(new double[][] {{1000, 999}, {-1000, -1001}})));
                ctx.example("x = [[0, 0]], upstream = [[1, 0]]", () -> close("dx (y = [1/2, 1/2], <g, y> = 1/2)",
                        new double[][] {{0.25, -0.25}}, ctx.subject().backward(new double[][] {{0, 0}}, new double[][] {{1, 0}})));
                ctx.example("x = [[1000, 999], [-1000, -1001]], upstream = [[1, 0], [0, 1]]", () -> close("dx",
                        new double[][] {{e1 * (1 - e1), -e1 * (1 - e1)}, {-e1 * (1 - e1), e1 * (1 - e1)}},
                        ctx.subject().backward(new double[][] {{1000, 999}, {-1000, -1001}}, new double[][] {{1, 0}, {0, 1}})));
                ctx.example("x with no rows (new double[0][])", () -> RowwiseCase.noRowsGiveNoRows(ctx.subject(), Softmax::forward, s -> s::backward));
            }).enforces("forwardValue", "forwardStable", "backwardValue", "backwardStable", "emptyInput")
                .hint("Equal logits share the mass evenly; subtract each row's own maximum; a matrix with no rows is valid (do not read x[0])."),

            RowwiseCase.<Softmax>resultsAreNewArrays(Softmax::forward, s -> s::backward),

            Check.<Softmax>invariant("rowsSumToOneWithEntriesInUnitInterval", ctx -> ctx.forAll(RowwiseCase.cases(Gens.doubles()), c ->
                rowsAreDistributions("softmax(x)", c.x(), ctx.subject().forward(c.x()))))
                .enforces("forwardValue").hint("Normalise each row (the last axis) by its own sum: x[r] is one distribution's logits."),

            Check.<Softmax>invariant("addingAConstantToARowChangesNothing", ctx -> ctx.forAll(RowwiseCase.cases(Gens.doubles()), c ->
                close("softmax(x + c) against softmax(x) (a per-row constant cancels)", ctx.subject().forward(c.x()),
                        ctx.subject().forward(RowwiseCase.shifted(c.x(), c.shifts())), Tolerance.of(1e-9, 1e-15))))
                .enforces("forwardValue").hint("exp(x + c) / sum exp(x + c) = exp(x) / sum exp(x): the constant must cancel within each row."),

            Check.<Softmax>invariant("backwardRowsSumToZero", ctx -> ctx.forAll(RowwiseCase.cases(Gens.doubles()), c -> {
                double[][] dx = ctx.subject().backward(c.x(), c.upstream());
                shape("dx", dx, c.x().length, c.x()[0].length);
                for (int r = 0; r < dx.length; r++) {
                    double sum = 0;
                    for (double v : dx[r]) sum += v;
                    close("sum of row " + r + " of dx (outputs always sum to 1, so moving all logits together changes nothing: must be 0)",
                            0.0, sum, Tolerance.of(0, 1e-12));
                }
            })).enforces("backwardValue").hint("dx = y * (g - <g, y>) per row; forgetting the <g, y> term (or using y(1 - y)) breaks it."),

            Check.<Softmax>gradcheck("backwardAgreesWithCentralDifferences", ctx -> ctx.forAll(50, RowwiseCase.cases(Gens.doubles(-5, 5)), c -> {
                int rows = c.x().length, cols = c.x()[0].length;
                GradCheck.check("dx", Tensors.flat(c.x()),
                        xf -> Tensors.dot(c.upstream(), ctx.subject().forward(Tensors.matrix(xf, rows, cols))),
                        Tensors.flat(ctx.subject().backward(c.x(), c.upstream())));
            })).enforces("backwardValue").hint(BACKWARD_HINT),

            Check.<Softmax>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        close("y", g.output().mat("y"), ctx.subject().forward(g.input().mat("x")));
                        close("dx", g.output().mat("dx"), ctx.subject().backward(g.input().mat("x"), g.input().mat("upstream")));
                    });
                }
            }).enforces("forwardValue", "backwardValue")
                .hint("These are torch.softmax(x, dim=-1) values and gradients: normalise each row, the last axis."),

            Check.<Softmax>stability("finiteAndExactForLogitsUpTo1e3", ctx -> ctx.forAll(extremeCases(), c -> {
                double[][] y = ctx.subject().forward(c.x());
                rowsAreDistributions("softmax(x)", c.x(), y);
                close("softmax(x) against softmax(x - rowmax)", ctx.subject().forward(RowwiseCase.maxSubtracted(c.x())), y);
                finite("dx", ctx.subject().backward(c.x(), c.upstream()));
            })).enforces("forwardStable", "backwardStable").hint("Math.exp(710) is Infinity and exp(-1000) is 0: subtract each row's maximum before exp.")
        );
    }
}
