package katagym.activations;

import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.fresh;

import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;

/**
 * Checks and generators shared by the elementwise activation specs (one vector in, one vector out,
 * and a backward taking the upstream gradient), so that no spec copies them.
 */
final class ElementwiseChecks {
    private ElementwiseChecks() {}

    /** Relative accuracy only, down to the smallest normal doubles: a flush to zero of a tiny tail fails it. */
    static final Tolerance RELATIVE = Tolerance.of(1e-9, 1e-300);

    /** A forward of one vector (and perhaps a fixed parameter). */
    @FunctionalInterface
    interface Forward<C> {
        double[] apply(C subject, double[] x);
    }

    /** A backward of a vector and its upstream gradient. */
    @FunctionalInterface
    interface Backward<C> {
        double[] apply(C subject, double[] x, double[] upstream);
    }

    static double[] negated(double[] x) {
        double[] n = new double[x.length];
        for (int i = 0; i < n.length; i++) n[i] = -x[i];
        return n;
    }

    /** Upstream gradients with 1 <= |g| <= 2: never 0, so a wrong mask always shows (shrinks to 1). */
    static Gen<Double> nonZeroUpstreams() {
        Gen<Double> magnitude = Gens.doubles(1, 2);
        return s -> s.choice(1) == 0 ? magnitude.generate(s) : -magnitude.generate(s);
    }

    /** Logits with exact zeros of both signs (the kink) mixed in with probability {@code p}. */
    static Gen<Double> withZeros(double p) {
        Gen<Double> logits = Gens.logits();
        return s -> s.chance(p) ? (s.choice(1) == 0 ? 0.0 : -0.0) : logits.generate(s);
    }

    /** Tiny magnitudes (1e-300 to 1e-6) and huge ones (100 to 1000), where relative accuracy is easiest to lose. */
    static Gen<Double> tailValues() {
        Gen<Double> tiny = Gens.tinies();
        Gen<Double> huge = Gens.extremes();
        return s -> s.choice(1) == 0 ? tiny.generate(s) : huge.generate(s);
    }

    /** As {@link #resultsAreNewArrays(Gen, java.util.List, java.util.List)} for one forward and its backward. */
    static <C> Check<C> resultsAreNewArrays(Gen<ElementwiseCase> cases, Forward<C> forward, Backward<C> backward) {
        return resultsAreNewArrays(cases, java.util.List.of(forward), java.util.List.of(backward));
    }

    /**
     * Each method, called twice on the same input, returns arrays that are neither an argument nor the
     * previous call's result (a buffer kept in a field).
     */
    static <C> Check<C> resultsAreNewArrays(Gen<ElementwiseCase> cases, java.util.List<Forward<C>> forwards,
                                            java.util.List<Backward<C>> backwards) {
        return Check.<C>invariant("resultsAreNewArrays", ctx -> ctx.forAll(cases, c -> {
            for (int k = 0; k < forwards.size(); k++) {
                Forward<C> f = forwards.get(k);
                fresh((forwards.size() == 1 ? "forward" : "forward method #" + (k + 1)) + "(x)", () -> f.apply(ctx.subject(), c.x()), c.x());
            }
            for (int k = 0; k < backwards.size(); k++) {
                Backward<C> b = backwards.get(k);
                fresh((backwards.size() == 1 ? "backward" : "backward method #" + (k + 1)) + "(x, upstream)", () -> b.apply(ctx.subject(), c.x(), c.upstream()), c.x(), c.upstream());
            }
        })).enforces("newArray")
            .hint("Allocate the output with new double[x.length] inside each call: returning x, or a field reused across calls, "
                    + "lets the caller's writes corrupt its own data or an earlier result.");
    }

    /** An empty vector in gives an empty vector out, forward and backward. */
    static <C> void emptyGivesEmpty(C subject, Forward<C> forward, Backward<C> backward) {
        equal("forward([]).length", 0, forward.apply(subject, new double[0]).length);
        equal("backward([], []).length", 0, backward.apply(subject, new double[0], new double[0]).length);
    }
}
