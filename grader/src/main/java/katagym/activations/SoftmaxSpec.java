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

public final class SoftmaxSpec implements KataSpec<Softmax> {

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

    /** Rows whose logits all lie far out (|x| from 100 to 1000), some rows entirely negative. */
    static Gen<Case> extremeCases() { return cases(Gens.extremes()); }

    static double[][] shifted(double[][] x, double[] shifts) {
        double[][] out = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            out[r] = x[r].clone();
            for (int j = 0; j < out[r].length; j++) out[r][j] += shifts[r];
        }
        return out;
    }

    /** Each row minus its maximum: the same softmax, and no exp of anything positive. */
    static double[][] maxSubtracted(double[][] x) {
        double[] shifts = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            double m = Double.NEGATIVE_INFINITY;
            for (double v : x[r]) m = Math.max(m, v);
            shifts[r] = -m;
        }
        return shifted(x, shifts);
    }

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
            Check.<Softmax>oracle("forwardMatchesReference", ctx -> ctx.forAll(cases(Gens.logits()), c ->
                close("softmax(x)", ctx.oracle().forward(c.x()),
                        pure("forward(x)", () -> ctx.subject().forward(c.x()), (Object) c.x())))),

            Check.<Softmax>oracle("backwardMatchesReference", ctx -> ctx.forAll(cases(Gens.logits()), c ->
                close("dx", ctx.oracle().backward(c.x(), c.upstream()),
                        pure("backward(x, upstream)", () -> ctx.subject().backward(c.x(), c.upstream()), c.x(), c.upstream())))),

            Check.<Softmax>invariant("rowsSumToOneWithEntriesInUnitInterval", ctx -> ctx.forAll(cases(Gens.doubles()), c ->
                rowsAreDistributions("softmax(x)", c.x(), ctx.subject().forward(c.x()))))
                .hint("Normalise each row (the last axis) by its own sum: x[r] is one distribution's logits."),

            Check.<Softmax>invariant("addingAConstantToARowChangesNothing", ctx -> ctx.forAll(cases(Gens.doubles()), c ->
                close("softmax(x + c) against softmax(x) (a per-row constant cancels)", ctx.subject().forward(c.x()),
                        ctx.subject().forward(shifted(c.x(), c.shifts())), Tolerance.of(1e-9, 1e-15))))
                .hint("exp(x + c) / sum exp(x + c) = exp(x) / sum exp(x): the constant must cancel within each row."),

            Check.<Softmax>invariant("backwardRowsSumToZero", ctx -> ctx.forAll(cases(Gens.doubles()), c -> {
                double[][] dx = ctx.subject().backward(c.x(), c.upstream());
                shape("dx", dx, c.x().length, c.x()[0].length);
                for (int r = 0; r < dx.length; r++) {
                    double sum = 0;
                    for (double v : dx[r]) sum += v;
                    close("sum of row " + r + " of dx (outputs always sum to 1, so moving all logits together changes nothing: must be 0)",
                            0.0, sum, Tolerance.of(0, 1e-12));
                }
            })).hint("dx = y * (g - <g, y>) per row; forgetting the <g, y> term (or using y(1 - y)) breaks it."),

            Check.<Softmax>gradcheck("backwardAgreesWithCentralDifferences", ctx -> ctx.forAll(50, cases(Gens.doubles(-5, 5)), c -> {
                int rows = c.x().length, cols = c.x()[0].length;
                GradCheck.check("dx", Tensors.flat(c.x()),
                        xf -> Tensors.dot(c.upstream(), ctx.subject().forward(Tensors.matrix(xf, rows, cols))),
                        Tensors.flat(ctx.subject().backward(c.x(), c.upstream())));
            })).hint("The Jacobian is diag(y) - y y^T, not diagonal: dx = y * (g - sum_k g_k y_k)."),

            Check.<Softmax>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        close("y", g.output().mat("y"), ctx.subject().forward(g.input().mat("x")));
                        close("dx", g.output().mat("dx"), ctx.subject().backward(g.input().mat("x"), g.input().mat("upstream")));
                    });
                }
            }),

            Check.<Softmax>stability("finiteAndExactForLogitsUpTo1e3", ctx -> ctx.forAll(extremeCases(), c -> {
                double[][] y = ctx.subject().forward(c.x());
                rowsAreDistributions("softmax(x)", c.x(), y);
                close("softmax(x) against softmax(x - rowmax)", ctx.subject().forward(maxSubtracted(c.x())), y);
                finite("dx", ctx.subject().backward(c.x(), c.upstream()));
            })).hint("Math.exp(710) is Infinity and exp(-1000) is 0: subtract each row's maximum before exp.")
        );
    }
}
