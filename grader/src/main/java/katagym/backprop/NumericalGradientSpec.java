package katagym.backprop;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class NumericalGradientSpec implements KataSpec<NumericalGradient> {

    /** f(v) = v^T A v + b^T v at the point x, step h; its gradient is (A + A^T) x + b. */
    record Quadratic(double[][] a, double[] b, double[] x, double h) {
        double f(double[] v) {
            double s = 0;
            for (int i = 0; i < v.length; i++) {
                s += b[i] * v[i];
                for (int j = 0; j < v.length; j++) s += v[i] * a[i][j] * v[j];
            }
            return s;
        }

        double[] gradient() {
            double[] g = b.clone();
            for (int i = 0; i < x.length; i++) for (int j = 0; j < x.length; j++) g[i] += (a[i][j] + a[j][i]) * x[j];
            return g;
        }
    }

    /** f(v) = sum_i c[i] sin(v[i]) + (sum_i v[i])^2 / 2 at the point x, step h. */
    record Smooth(double[] c, double[] x, double h) {
        double f(double[] v) {
            double s = 0, t = 0;
            for (int i = 0; i < v.length; i++) { s += c[i] * Math.sin(v[i]); t += v[i]; }
            return s + t * t / 2;
        }
    }

    /** f(v) = sum_i v[i]^3 at x with step h: central differences give exactly 3 x[i]^2 + h^2. */
    record Cubic(double[] x, double h) {}

    /** An analytic and a numeric gradient to compare. */
    record Pair(double[] analytic, double[] numeric) {}

    static final Gen<Double> STEPS = Gens.oneOf(1e-1, 1e-2, 1e-3);

    static Gen<Quadratic> quadratics() {
        return s -> {
            int n = s.intBetween(1, 5);
            return new Quadratic(Gens.matrix(n, n, Gens.doubles(-3, 3)).generate(s), Gens.vector(n, Gens.doubles(-3, 3)).generate(s),
                    Gens.vector(n, Gens.doubles(-3, 3)).generate(s), STEPS.generate(s));
        };
    }

    static Gen<Smooth> smooth() {
        return s -> {
            int n = s.intBetween(0, 5);
            return new Smooth(Gens.vector(n, Gens.doubles(-3, 3)).generate(s), Gens.vector(n, Gens.doubles(-4, 4)).generate(s),
                    Gens.oneOf(1e-2, 1e-4, 1e-6).generate(s));
        };
    }

    static Gen<Pair> pairs() {
        return s -> {
            int n = s.intBetween(0, 6);
            double[] a = Gens.vector(n, Gens.doubles()).generate(s);
            double[] num = new double[n];
            for (int i = 0; i < n; i++) {
                num[i] = switch (s.weighted(0.3, 0.3, 0.2, 0.2)) {
                    case 0 -> a[i];
                    case 1 -> a[i] * (1 + Gens.doubles(-1e-3, 1e-3).generate(s));
                    case 2 -> -a[i];
                    default -> Gens.doubles().generate(s);
                };
            }
            return new Pair(a, num);
        };
    }

    /** Vectors with at least one entry of magnitude >= 0.5. */
    static Gen<double[]> nonNegligible() {
        return s -> {
            double[] v = Gens.vectors(1, 6, Gens.doubles()).generate(s);
            int k = s.intBetween(0, v.length - 1);
            if (Math.abs(v[k]) < 0.5) v[k] = v[k] < 0 ? -0.5 : 0.5;
            return v;
        };
    }

    @Override
    public Class<NumericalGradient> contract() { return NumericalGradient.class; }

    @Override
    public List<Check<NumericalGradient>> checks() {
        return List.of(
            Check.<NumericalGradient>oracle("centralDifferenceMatchesReference", ctx -> ctx.forAll(smooth(), c ->
                close("centralDifference(f, x, h)", ctx.oracle().centralDifference(c::f, c.x(), c.h()),
                        pure("centralDifference(f, x, h)", () -> ctx.subject().centralDifference(c::f, c.x(), c.h()), c.x()))))
                .enforces("cdValue", "xUnchanged").hint("g[i] = (f(x + h e_i) - f(x - h e_i)) / (2h) on a copy of x, with the h you are given."),

            Check.<NumericalGradient>oracle("relativeErrorMatchesReference", ctx -> ctx.forAll(pairs(), p -> {
                double got = pure("relativeError(analytic, numeric)", () -> ctx.subject().relativeError(p.analytic(), p.numeric()),
                        p.analytic(), p.numeric());
                close("relativeError(analytic, numeric)", ctx.oracle().relativeError(p.analytic(), p.numeric()), got);
            })).enforces("relValue", "relPure").hint("max over i of |a - n| / max(|a| + |n|, FLOOR): floor the denominator, do not add FLOOR to it."),

            Check.<NumericalGradient>invariant("exactOnQuadraticsAndLeavesXUnchanged", ctx -> ctx.forAll(quadratics(), q -> {
                double[] g = pure("centralDifference(f, x, h)", () -> ctx.subject().centralDifference(q::f, q.x(), q.h()), q.x());
                shape("gradient", g, q.x().length);
                close("central difference of x^T A x + b^T x (exact for a quadratic, any h)", q.gradient(), g, Tolerance.of(1e-6, 1e-6));
            })).enforces("cdValue", "xUnchanged").hint("A central difference is exact on quadratics: the h A_ii terms of f(x+h) and f(x-h) cancel. A forward difference leaves h * A_ii behind."),

            Check.<NumericalGradient>invariant("cubicGivesThreeXSquaredPlusHSquared", ctx -> ctx.forAll(
                    s -> new Cubic(Gens.vectors(1, 5, Gens.doubles(-3, 3)).generate(s), STEPS.generate(s)), c -> {
                double[] g = ctx.subject().centralDifference(v -> {
                    double s = 0;
                    for (double e : v) s += e * e * e;
                    return s;
                }, c.x(), c.h());
                double[] want = new double[c.x().length];
                for (int i = 0; i < want.length; i++) want[i] = 3 * c.x()[i] * c.x()[i] + c.h() * c.h();
                close("central difference of sum x^3 with the given h (= 3 x^2 + h^2)", want, g, Tolerance.of(1e-9, 1e-9));
            })).enforces("cdValue").hint("Use the h you are given, in both f(x + h e_i) and f(x - h e_i), and divide by 2h."),

            Check.<NumericalGradient>invariant("checkerTellsRightGradientsFromWrongOnes", ctx -> ctx.forAll(quadratics(), q -> {
                NumericalGradient m = ctx.subject();
                double[] numeric = m.centralDifference(q::f, q.x(), q.h());
                double[] right = q.gradient();
                double ok = m.relativeError(right, numeric);
                that(ok < 1e-6, () -> "relativeError(exact gradient, central difference) = " + ok + ", expected < 1e-6");
                double[] wrong = right.clone();
                int k = wrong.length - 1;
                wrong[k] += 0.1 * Math.abs(wrong[k]) + 0.1;
                double bad = m.relativeError(wrong, numeric);
                that(bad > 1e-2, () -> "relativeError(gradient with entry " + k + " off by 10% + 0.1, central difference) = " + bad
                        + ", expected > 0.01");
            })).enforces("relValue", "cdValue").hint("The checker must accept the exact gradient (error < 1e-6) and reject one entry off by 10%: compare entry by entry and keep the worst."),

            Check.<NumericalGradient>invariant("callsFExactlyTwicePerCoordinate", ctx -> ctx.forAll(quadratics(), q -> {
                int[] calls = {0};
                double[] g = ctx.subject().centralDifference(v -> { calls[0]++; return q.f(v); }, q.x(), q.h());
                shape("gradient", g, q.x().length);
                equal("calls of f for x of length " + q.x().length + " (exactly 2 per coordinate)", 2 * q.x().length, calls[0]);
            })).enforces("callCount").hint("Two evaluations per coordinate, f(x + h e_i) and f(x - h e_i), and nothing else: no f(x) up front, no re-evaluation."),

            Check.<NumericalGradient>invariant("relativeErrorIsZeroForEqualAndSymmetric", ctx -> ctx.forAll(pairs(), p -> {
                NumericalGradient m = ctx.subject();
                equal("relativeError(a, a)", 0.0, m.relativeError(p.analytic(), p.analytic().clone()));
                double ab = m.relativeError(p.analytic(), p.numeric()), ba = m.relativeError(p.numeric(), p.analytic());
                close("relativeError(n, a) (must equal relativeError(a, n))", ab, ba);
                that(ab >= 0 && ab <= 1, () -> "relativeError(a, n) = " + ab + " lies outside [0, 1]");
            })).enforces("relRange", "relValue").hint("Divide by |a| + |n| (never |a + n|), floored at FLOOR: the ratio then lies in [0, 1]."),

            Check.<NumericalGradient>invariant("oneOppositeEntryGivesOneAndDoublingGivesOneThird", ctx -> ctx.forAll(nonNegligible(), v -> {
                NumericalGradient m = ctx.subject();
                double[] flipped = v.clone();
                int k = 0;
                for (int i = 1; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(v[k])) k = i;
                flipped[k] = -v[k];
                close("relativeError(a, n) with only entry " + k + " of opposite sign (the worst entry counts)", 1.0, m.relativeError(flipped, v));
                double[] doubled = v.clone();
                for (int i = 0; i < v.length; i++) doubled[i] = 2 * v[i];
                close("relativeError(2n, n) (= |2n - n| / (|2n| + |n|))", 1.0 / 3, m.relativeError(doubled, v));
            })).enforces("relValue", "relRange").hint("Report the worst entry (a max over i), not an average: one wrong coordinate is a wrong gradient."),

            Check.<NumericalGradient>example("handWorkedEdgeCases", ctx -> {
                NumericalGradient m = ctx.subject();
                ctx.example("relativeError([], []) (empty vectors)", () -> equal("relativeError([], [])", 0.0, m.relativeError(new double[0], new double[0])));
                ctx.example("relativeError([1, 0], [1, 0]) (a zero entry in both)", () ->
                        equal("relativeError([1, 0], [1, 0]) (0 / FLOOR = 0, not 0 / 0)", 0.0, m.relativeError(new double[] {1, 0}, new double[] {1, 0})));
                ctx.example("relativeError([1e-9], [-1e-9]) (below the floor)", () ->
                        close("relativeError([1e-9], [-1e-9]) (= 2e-9 / max(2e-9, 1e-8) = 0.2)", 0.2, m.relativeError(new double[] {1e-9}, new double[] {-1e-9})));
                ctx.example("relativeError([3, 1], [1, 1])", () ->
                        close("relativeError([3, 1], [1, 1]) (= 2 / 4)", 0.5, m.relativeError(new double[] {3, 1}, new double[] {1, 1})));
                ctx.example("f(v) = v0 * v1 at x = [2, 3], h = 0.5", () -> {
                    int[] calls = {0};
                    double[] x = {2, 3};
                    double[] g = m.centralDifference(v -> { calls[0]++; return v[0] * v[1]; }, x, 0.5);
                    close("gradient (= [x1, x0], exact for a bilinear f)", new double[] {3, 2}, g);
                    equal("calls of f (exactly 2 * 2)", 4, calls[0]);
                    equal("x after the call", new double[] {2, 3}, x);
                });
                ctx.example("x = [] (no coordinates)", () -> {
                    int[] calls = {0};
                    equal("centralDifference(f, [], 0.1).length", 0, m.centralDifference(v -> { calls[0]++; return 0; }, new double[0], 0.1).length);
                    equal("calls of f for an empty x", 0, calls[0]);
                });
            }).enforces("relValue", "relRange", "cdValue", "callCount", "xUnchanged")
                .hint("Edge cases by hand: empty vectors give 0, two zeros give 0 (never NaN), tiny opposite entries are divided by FLOOR, and f is called 2n times.")
        );
    }
}
