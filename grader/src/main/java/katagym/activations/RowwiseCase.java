package katagym.activations;

import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.fresh;

import java.util.function.BiFunction;
import java.util.function.Function;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;

/**
 * The input of the row-wise activation specs (softmax, log-softmax): logits x[rows][cols], the
 * gradient flowing back into the output, and one constant per row. Its fields print as the
 * counterexample. The helpers below are shared by those specs.
 */
record RowwiseCase(double[][] x, double[][] upstream, double[] shifts) {

    /** 1 to 4 rows of 1 to 6 columns, upstream gradients in [-2, 2], shifts in [-50, 50]. */
    static Gen<RowwiseCase> cases(Gen<Double> values) {
        return s -> {
            double[][] x = Gens.matrices(1, 4, 1, 6, values).generate(s);
            double[][] up = Gens.matrix(x.length, x[0].length, Gens.doubles(-2, 2)).generate(s);
            double[] shifts = Gens.vector(x.length, Gens.doubles(-50, 50)).generate(s);
            return new RowwiseCase(x, up, shifts);
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

    /** Each row minus its maximum: the same softmax, and no exp of anything positive. */
    static double[][] maxSubtracted(double[][] x) {
        double[] m = rowMax(x);
        for (int r = 0; r < m.length; r++) m[r] = -m[r];
        return shifted(x, m);
    }

    /**
     * forward and backward, called twice on the same input, return matrices none of whose arrays (the
     * outer one or a row) is an argument's or the previous call's.
     */
    static <C> Check<C> resultsAreNewArrays(BiFunction<C, double[][], double[][]> forward,
                                            Function<C, BiFunction<double[][], double[][], double[][]>> backward) {
        return Check.<C>invariant("resultsAreNewArrays", ctx -> ctx.forAll(cases(Gens.doubles()), c -> {
            fresh("forward(x)", () -> forward.apply(ctx.subject(), c.x()), (Object) c.x());
            fresh("backward(x, upstream)", () -> backward.apply(ctx.subject()).apply(c.x(), c.upstream()), c.x(), c.upstream());
        })).enforces("newArray")
            .hint("Allocate a new result (outer array and every row) in each call: returning x's rows, or a matrix kept in a field, "
                    + "lets the caller's writes corrupt its own data or an earlier result.");
    }

    /** A matrix with no rows gives a matrix with no rows, forward and backward (never read x[0]). */
    static <C> void noRowsGiveNoRows(C subject, BiFunction<C, double[][], double[][]> forward,
                                     Function<C, BiFunction<double[][], double[][], double[][]>> backward) {
        equal("forward(new double[0][]).length", 0, forward.apply(subject, new double[0][]).length);
        equal("backward(new double[0][], new double[0][]).length", 0, backward.apply(subject).apply(new double[0][], new double[0][]).length);
    }
}
