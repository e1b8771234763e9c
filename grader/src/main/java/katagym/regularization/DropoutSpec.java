package katagym.regularization;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class DropoutSpec implements KataSpec<Dropout> {

    /** An input, the uniform draws (unit i kept iff u[i] >= p), the drop probability, and dL/dy. */
    record Case(double[] x, double[] u, double p, double[] upstream) {}

    /**
     * For the exact expectation: an input, p, and for each unit one draw that keeps it
     * ({@code keepDraw[i] >= p}) and one that drops it ({@code dropDraw[i] < p}).
     */
    record MaskCase(double[] x, double p, double[] keepDraw, double[] dropDraw) {}

    /** The usual drop probabilities, 0 (nothing dropped) among them, and any p in [0, 0.999]: the whole allowed range. */
    static final Gen<Double> PROBABILITIES = s -> s.chance(0.6)
            ? Gens.oneOf(0.5, 0.0, 0.1, 0.2, 0.25, 0.3, 0.75, 0.9).generate(s)
            : Gens.doubles(0, 0.999).generate(s);

    /** A draw in [0, 1): sometimes exactly p, the boundary (kept). */
    static double draw(katagym.grader.prop.Source s, double p) {
        return s.chance(0.15) ? p : Gens.unit(s);
    }

    static Gen<Case> cases(int maxLen) {
        return s -> {
            double p = PROBABILITIES.generate(s);
            double[] x = Gens.vectors(0, maxLen, Gens.doubles()).generate(s);
            double[] u = new double[x.length];
            for (int i = 0; i < u.length; i++) u[i] = draw(s, p);
            return new Case(x, u, p, Gens.vector(x.length, Gens.doubles(-3, 3)).generate(s));
        };
    }

    static Gen<MaskCase> maskCases() {
        return s -> {
            double p = PROBABILITIES.generate(s);
            double[] x = Gens.vectors(1, 4, Gens.doubles()).generate(s);
            double[] keep = new double[x.length], drop = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                keep[i] = s.chance(0.3) ? p : p + (1 - p) * Gens.unit(s);
                drop[i] = p * Gens.unit(s);
            }
            return new MaskCase(x, p, keep, drop);
        };
    }

    interface Train { double[] apply(Dropout d, double[] x, double[] u, double p); }

    /** E[train(x)] over the mask distribution, exactly: the sum over all 2^n masks weighted by (1-p)^kept p^dropped. */
    static double[] expectation(Dropout d, Train train, MaskCase c) {
        int n = c.x().length;
        double[] mean = new double[n];
        for (int mask = 0; mask < (1 << n); mask++) {
            double weight = 1;
            double[] u = new double[n];
            for (int i = 0; i < n; i++) {
                boolean keep = (mask >> i & 1) == 1;
                weight *= keep ? 1 - c.p() : c.p();
                u[i] = keep ? c.keepDraw()[i] : c.dropDraw()[i];
            }
            if (weight == 0) continue;
            double[] y = train.apply(d, c.x(), u, c.p());
            shape("train(x, u, p)", y, n);
            for (int i = 0; i < n; i++) mean[i] += weight * y[i];
        }
        return mean;
    }

    /** backward(upstream)[i] must be sum_j upstream[j] * dy[j]/dx[i], the Jacobian read off the subject's own forward. */
    static void adjoint(String what, double[] upstream, double[] dx, java.util.function.Function<double[], double[]> forward) {
        int n = upstream.length;
        shape(what, dx, n);
        double[] want = new double[n];
        for (int i = 0; i < n; i++) {
            double[] e = new double[n];
            e[i] = 1;
            double[] column = forward.apply(e);
            for (int j = 0; j < n; j++) want[i] += upstream[j] * column[j];
        }
        close(what + " (= upstream times the Jacobian of your train forward with the same u)", want, dx);
    }

    @Override
    public Class<Dropout> contract() { return Dropout.class; }

    @Override
    public List<Check<Dropout>> checks() {
        return List.of(
            Check.<Dropout>oracle("invertedMatchesReference", ctx -> ctx.forAll(cases(8), c -> {
                Dropout s = ctx.subject(), o = ctx.oracle();
                close("invertedTrain", o.invertedTrain(c.x(), c.u(), c.p()),
                        pure("invertedTrain(x, u, p)", () -> s.invertedTrain(c.x(), c.u(), c.p()), c.x(), c.u()));
                close("invertedEval", o.invertedEval(c.x(), c.p()), pure("invertedEval(x, p)", () -> s.invertedEval(c.x(), c.p()), c.x()));
                close("invertedBackward", o.invertedBackward(c.upstream(), c.u(), c.p()),
                        pure("invertedBackward(upstream, u, p)", () -> s.invertedBackward(c.upstream(), c.u(), c.p()), c.upstream(), c.u()));
            })).enforces("invertedTrainValue", "invertedEvalValue", "invertedBackwardValue", "keepRule", "newArray", "emptyInput")
                .hint("Inverted dropout: kept units (u[i] >= p) divided by 1 - p in training and in the backward; evaluation is a copy of x."),

            Check.<Dropout>oracle("classicMatchesReference", ctx -> ctx.forAll(cases(8), c -> {
                Dropout s = ctx.subject(), o = ctx.oracle();
                close("classicTrain", o.classicTrain(c.x(), c.u(), c.p()),
                        pure("classicTrain(x, u, p)", () -> s.classicTrain(c.x(), c.u(), c.p()), c.x(), c.u()));
                close("classicInference", o.classicInference(c.x(), c.p()),
                        pure("classicInference(x, p)", () -> s.classicInference(c.x(), c.p()), c.x()));
                close("classicBackward", o.classicBackward(c.upstream(), c.u(), c.p()),
                        pure("classicBackward(upstream, u, p)", () -> s.classicBackward(c.upstream(), c.u(), c.p()), c.upstream(), c.u()));
            })).enforces("classicTrainValue", "classicInferenceValue", "classicBackwardValue", "keepRule", "newArray", "emptyInput")
                .hint("Classic dropout: kept units (u[i] >= p) pass unscaled in training and in the backward; inference multiplies by 1 - p."),

            Check.<Dropout>example("handWorkedValues", ctx -> {
                double[] x = {1, 2, 3, 4}, u = {0.7, 0.1, 0.25, 0.9}, up = {1, 1, 1, 1};
                Dropout d = ctx.subject();
                ctx.example("x = [1, 2, 3, 4], u = [0.7, 0.1, 0.25, 0.9], p = 0.25 (u = p keeps unit 2)", () -> {
                    close("invertedTrain", new double[] {4.0 / 3, 0, 4, 16.0 / 3}, d.invertedTrain(x, u, 0.25));
                    close("invertedBackward (upstream = 1)", new double[] {4.0 / 3, 0, 4.0 / 3, 4.0 / 3}, d.invertedBackward(up, u, 0.25));
                    close("classicTrain", new double[] {1, 0, 3, 4}, d.classicTrain(x, u, 0.25));
                    close("classicBackward (upstream = 1)", new double[] {1, 0, 1, 1}, d.classicBackward(up, u, 0.25));
                    close("classicInference", new double[] {0.75, 1.5, 2.25, 3}, d.classicInference(x, 0.25));
                    close("invertedEval", x, d.invertedEval(x, 0.25));
                });
                ctx.example("x = [1, 2, 3, 4], u = [0.0, 0.1, 0.25, 0.9], p = 0 (nothing dropped; results are still new arrays)", () -> {
                    double[] u0 = {0.0, 0.1, 0.25, 0.9};
                    close("invertedTrain", x, fresh("invertedTrain(x, u, 0)", () -> d.invertedTrain(x, u0, 0), x, u0));
                    close("classicTrain", x, fresh("classicTrain(x, u, 0)", () -> d.classicTrain(x, u0, 0), x, u0));
                    close("invertedBackward", up, fresh("invertedBackward(upstream, u, 0)", () -> d.invertedBackward(up, u0, 0), up, u0));
                    close("classicBackward", up, fresh("classicBackward(upstream, u, 0)", () -> d.classicBackward(up, u0, 0), up, u0));
                    close("classicInference", x, fresh("classicInference(x, 0)", () -> d.classicInference(x, 0), x));
                    close("invertedEval", x, fresh("invertedEval(x, 0)", () -> d.invertedEval(x, 0), x));
                });
                ctx.example("x = [] (empty), p = 0.5", () -> {
                    double[] e = new double[0];
                    equal("invertedTrain([]).length", 0, d.invertedTrain(e, e, 0.5).length);
                    equal("invertedEval([]).length", 0, d.invertedEval(e, 0.5).length);
                    equal("invertedBackward([]).length", 0, d.invertedBackward(e, e, 0.5).length);
                    equal("classicTrain([]).length", 0, d.classicTrain(e, e, 0.5).length);
                    equal("classicInference([]).length", 0, d.classicInference(e, 0.5).length);
                    equal("classicBackward([]).length", 0, d.classicBackward(e, e, 0.5).length);
                });
            }).enforces("invertedTrainValue", "invertedEvalValue", "invertedBackwardValue", "classicTrainValue", "classicInferenceValue",
                    "classicBackwardValue", "keepRule", "newArray", "emptyInput")
                .hint("A draw equal to p keeps its unit; with p = 0 nothing is dropped but each method still returns a new array; an empty vector is valid."),

            Check.<Dropout>invariant("resultsAreNewArrays", ctx -> ctx.forAll(cases(6), c -> {
                Dropout d = ctx.subject();
                fresh("invertedTrain(x, u, p)", () -> d.invertedTrain(c.x(), c.u(), c.p()), c.x(), c.u());
                fresh("invertedEval(x, p)", () -> d.invertedEval(c.x(), c.p()), c.x());
                fresh("invertedBackward(upstream, u, p)", () -> d.invertedBackward(c.upstream(), c.u(), c.p()), c.upstream(), c.u());
                fresh("classicTrain(x, u, p)", () -> d.classicTrain(c.x(), c.u(), c.p()), c.x(), c.u());
                fresh("classicInference(x, p)", () -> d.classicInference(c.x(), c.p()), c.x());
                fresh("classicBackward(upstream, u, p)", () -> d.classicBackward(c.upstream(), c.u(), c.p()), c.upstream(), c.u());
            })).enforces("newArray")
                .hint("Allocate a new output in every call, even when p = 0 drops nothing: returning x, or a buffer kept in a field, "
                        + "lets the caller's writes corrupt its own data or an earlier result."),

            Check.<Dropout>invariant("invertedEvalIsTheIdentity", ctx -> ctx.forAll(cases(8), c -> {
                double[] y = pure("invertedEval(x, p)", () -> ctx.subject().invertedEval(c.x(), c.p()), c.x());
                equal("invertedEval(x, p)", c.x(), y);
                if (c.x().length > 0) that(y != c.x(), "invertedEval(x, p) returned its input array itself: return a new array (a copy)");
            })).enforces("invertedEvalValue", "newArray").hint("Inverted dropout does all its scaling in training, so evaluation returns x unchanged."),

            Check.<Dropout>invariant("invertedTrainHasTheExpectationOfEval", ctx -> ctx.forAll(maskCases(), c ->
                close("E[invertedTrain(x)] over all masks (keep with probability 1 - p)", ctx.subject().invertedEval(c.x(), c.p()),
                        expectation(ctx.subject(), Dropout::invertedTrain, c))))
                .enforces("invertedTrainValue", "keepRule").hint("Keep unit i when u[i] >= p (probability 1 - p) and divide the kept units by (1 - p): then E[y] = x."),

            Check.<Dropout>invariant("classicTrainHasTheExpectationOfInference", ctx -> ctx.forAll(maskCases(), c ->
                close("E[classicTrain(x)] over all masks (keep with probability 1 - p)", ctx.subject().classicInference(c.x(), c.p()),
                        expectation(ctx.subject(), Dropout::classicTrain, c))))
                .enforces("classicTrainValue", "classicInferenceValue", "keepRule").hint("Classic dropout does not scale in training, so inference must multiply by the keep probability 1 - p."),

            Check.<Dropout>invariant("backwardsReuseTheForwardMask", ctx -> ctx.forAll(cases(6), c -> {
                Dropout d = ctx.subject();
                adjoint("invertedBackward(upstream, u, p)", c.upstream(), d.invertedBackward(c.upstream(), c.u(), c.p()),
                        x -> d.invertedTrain(x, c.u(), c.p()));
                adjoint("classicBackward(upstream, u, p)", c.upstream(), d.classicBackward(c.upstream(), c.u(), c.p()),
                        x -> d.classicTrain(x, c.u(), c.p()));
            })).enforces("invertedBackwardValue", "classicBackwardValue")
                .hint("The backward must use the same draws u as the forward: dx = upstream * mask (/ (1 - p) for inverted dropout).")
        );
    }
}
