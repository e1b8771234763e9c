package katagym.losses;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.Checks;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class KlDivergenceSpec implements KataSpec<KlDivergence> {

    /** Two distributions over the same n outcomes; q is strictly positive. */
    record Case(double[] p, double[] q) {}

    /** A distribution over n outcomes in which about one entry in four is exactly 0. */
    static Gen<double[]> withZeros(int n) {
        return s -> {
            double[] w = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                w[i] = s.chance(0.25) ? 0 : 0.05 + Gens.unit(s);
                sum += w[i];
            }
            if (sum == 0) { w[0] = 1; sum = 1; }
            for (int i = 0; i < n; i++) w[i] /= sum;
            return w;
        };
    }

    static Gen<Case> cases() {
        return s -> {
            int n = s.intBetween(1, 6);
            return new Case(withZeros(n).generate(s), Gens.distributions(n).generate(s));
        };
    }

    @Override
    public Class<KlDivergence> contract() { return KlDivergence.class; }

    @Override
    public List<Check<KlDivergence>> checks() {
        return List.of(
            Check.<KlDivergence>oracle("klMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                double kl = Checks.pure("kl(p, q)", () -> ctx.subject().kl(c.p(), c.q()), c.p(), c.q());
                close("KL(p || q)", ctx.oracle().kl(c.p(), c.q()), kl);
            })).enforces("klValue", "zeroConvention", "pure").hint("KL(p || q) = sum p log(p / q) over the outcomes with p > 0; the weights are p's."),

            Check.<KlDivergence>oracle("entropyAndCrossEntropyMatchReference", ctx -> ctx.forAll(cases(), c -> {
                double h = Checks.pure("entropy(p)", () -> ctx.subject().entropy(c.p()), c.p());
                close("H(p)", ctx.oracle().entropy(c.p()), h);
                double ce = Checks.pure("crossEntropy(p, q)", () -> ctx.subject().crossEntropy(c.p(), c.q()), c.p(), c.q());
                close("H(p, q)", ctx.oracle().crossEntropy(c.p(), c.q()), ce);
            })).enforces("entropyValue", "crossEntropyValue", "zeroConvention", "pure")
                .hint("H(p) = -sum p log p and H(p, q) = -sum p log q, both over the outcomes with p > 0, in nats (natural log)."),

            Check.<KlDivergence>invariant("klIsNonNegativeAndZeroOnlyForEqualDistributions", ctx -> ctx.forAll(cases(), c -> {
                double kl = ctx.subject().kl(c.p(), c.q());
                double l1 = 0;
                for (int i = 0; i < c.p().length; i++) l1 += Math.abs(c.p()[i] - c.q()[i]);
                double pinsker = 0.5 * l1 * l1;
                that(kl >= pinsker - 1e-12, () -> "KL(p || q) = " + kl + " is below Pinsker's bound ||p - q||_1^2 / 2 = " + pinsker
                        + " (KL >= 0, and > 0 whenever p != q)");
                close("KL(p || p)", 0.0, ctx.subject().kl(c.p(), c.p()));
                close("KL(q || q)", 0.0, ctx.subject().kl(c.q(), c.q()));
            })).enforces("klValue").hint("KL(p || q) >= 0 with equality only at p = q (Gibbs' inequality)."),

            Check.<KlDivergence>invariant("crossEntropyIsEntropyPlusKl", ctx -> ctx.forAll(cases(), c -> {
                double h = ctx.subject().entropy(c.p());
                double kl = ctx.subject().kl(c.p(), c.q());
                double ce = ctx.subject().crossEntropy(c.p(), c.q());
                that(h >= -1e-15 && h <= Math.log(c.p().length) + 1e-12,
                        () -> "H(p) = " + h + " lies outside [0, log n] = [0, " + Math.log(c.p().length) + "]");
                close("H(p, q) (must equal H(p) + KL(p || q) = " + h + " + " + kl + ")", h + kl, ce);
            })).enforces("crossEntropyValue", "entropyValue").hint("H(p, q) = -sum p log q = -sum p log p + sum p log(p / q)."),

            Check.<KlDivergence>invariant("klFromTheUniformDistributionIsLogNMinusEntropy", ctx -> ctx.forAll(cases(), c -> {
                int n = c.p().length;
                double[] u = new double[n];
                java.util.Arrays.fill(u, 1.0 / n);
                close("KL(p || uniform) (must be log n - H(p))", Math.log(n) - ctx.subject().entropy(c.p()), ctx.subject().kl(c.p(), u));
                close("H(uniform)", Math.log(n), ctx.subject().entropy(u));
            })).enforces("klValue", "entropyValue").hint("The expectation in KL(p || q) is under p: sum p log(p / q), not q log(q / p)."),

            Check.<KlDivergence>invariant("oneHotPGivesMinusLogQAndZerosContributeNothing", ctx -> ctx.forAll(s -> {
                Case c = cases().generate(s);
                int k = s.intBetween(0, c.p().length - 1);
                double[] p = new double[c.p().length];
                p[k] = 1;
                return new Case(p, c.q());
            }, c -> {
                int k = 0;
                while (c.p()[k] != 1) k++;
                double expected = -Math.log(c.q()[k]);
                close("KL(onehot(" + k + ") || q) (must be -log q[" + k + "])", expected, ctx.subject().kl(c.p(), c.q()));
                close("H(onehot(" + k + "), q) (must be -log q[" + k + "])", expected, ctx.subject().crossEntropy(c.p(), c.q()));
                close("H(onehot(" + k + ")) (0 log 0 = 0)", 0.0, ctx.subject().entropy(c.p()));
                double[] q = c.q().clone();
                if (q.length > 1) {
                    q[k] = 0; // q misses the support of p
                    double inf = ctx.subject().kl(c.p(), q);
                    that(inf == Double.POSITIVE_INFINITY, () -> "KL(p || q) with q = 0 where p > 0 should be +Infinity, got " + inf);
                    double ceInf = ctx.subject().crossEntropy(c.p(), q);
                    that(ceInf == Double.POSITIVE_INFINITY, () -> "H(p, q) with q = 0 where p > 0 should be +Infinity (-1 * log 0), got " + ceInf
                            + ": do not clamp q");
                }
            })).enforces("klValue", "crossEntropyValue", "zeroConvention", "klInfinite", "crossEntropyInfinite").hint("Skip the terms with p[i] = 0: 0 * log(0) is NaN in floating point, but 0 by convention."),

            Check.<KlDivergence>invariant("qMayVanishWherePVanishes", ctx -> ctx.forAll(cases().filter(c -> {
                for (double v : c.p()) if (v == 0) return true;
                return false;
            }).map(c -> {
                double[] q = c.q().clone();
                double sum = 0;
                for (int i = 0; i < q.length; i++) { if (c.p()[i] == 0) q[i] = 0; sum += q[i]; }
                for (int i = 0; i < q.length; i++) q[i] /= sum;
                return new Case(c.p(), q);
            }), c -> {
                double kl = 0, ce = 0;
                for (int i = 0; i < c.p().length; i++) {
                    if (c.p()[i] > 0) {
                        kl += c.p()[i] * Math.log(c.p()[i] / c.q()[i]);
                        ce -= c.p()[i] * Math.log(c.q()[i]);
                    }
                }
                close("KL(p || q) with q = 0 exactly where p = 0 (those terms are 0, whatever q)", kl, ctx.subject().kl(c.p(), c.q()));
                close("H(p, q) with q = 0 exactly where p = 0 (those terms are 0, not 0 * log 0 = NaN)", ce, ctx.subject().crossEntropy(c.p(), c.q()));
            })).enforces("zeroConvention").hint("A term with p[i] = 0 is skipped even when q[i] = 0 too: 0 * log(0) is NaN, and -Infinity only counts where p > 0."),

            Check.<KlDivergence>golden("matchesNumpy", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[] p = g.input().vec("p"), q = g.input().vec("q");
                        close("KL(p || q)", g.output().num("kl"), ctx.subject().kl(p, q));
                        close("H(p)", g.output().num("entropyP"), ctx.subject().entropy(p));
                        close("H(p, q)", g.output().num("crossEntropy"), ctx.subject().crossEntropy(p, q));
                    });
                }
            }).enforces("klValue", "entropyValue", "crossEntropyValue").hint("These are scipy / numpy values in nats on the case shown."),

            Check.<KlDivergence>example("handWorkedValues", ctx -> {
                ctx.example("p = [0.5, 0.5], q = [0.25, 0.75]", () -> {
                    double[] p = {0.5, 0.5}, q = {0.25, 0.75};
                    close("KL(p || q) (0.5 log 2 + 0.5 log(2/3))", 0.5 * Math.log(2) + 0.5 * Math.log(2.0 / 3), ctx.subject().kl(p, q));
                    close("H(p) (log 2)", Math.log(2), ctx.subject().entropy(p));
                    close("H(p, q)", -0.5 * Math.log(0.25) - 0.5 * Math.log(0.75), ctx.subject().crossEntropy(p, q));
                });
                ctx.example("p = [1, 0], q = [0.5, 0] (q vanishes only where p does)", () -> {
                    double[] p = {1, 0}, q = {0.5, 0};
                    close("KL(p || q) (log 2)", Math.log(2), ctx.subject().kl(p, q));
                    close("H(p)", 0.0, ctx.subject().entropy(p));
                    close("H(p, q) (log 2)", Math.log(2), ctx.subject().crossEntropy(p, q));
                });
                ctx.example("p = [0.5, 0.5], q = [1, 0] (q misses part of p's support)", () -> {
                    double[] p = {0.5, 0.5}, q = {1, 0};
                    double kl = ctx.subject().kl(p, q), ce = ctx.subject().crossEntropy(p, q);
                    that(kl == Double.POSITIVE_INFINITY, () -> "KL(p || q) = " + kl + ", expected +Infinity");
                    that(ce == Double.POSITIVE_INFINITY, () -> "H(p, q) = " + ce + ", expected +Infinity");
                });
                ctx.example("p = [1e-12, 1 - 1e-12] (a nearly certain outcome)", () -> {
                    double a = 1e-12, b = 1 - 1e-12;
                    // relative accuracy only: the whole entropy (2.86e-11) is of the size of a 1e-12 "safety" epsilon's error
                    close("H(p)", -a * Math.log(a) - b * Math.log(b), ctx.subject().entropy(new double[] {a, b}), Tolerance.of(1e-6, 0));
                });
            }).enforces("klValue", "entropyValue", "crossEntropyValue", "klInfinite", "crossEntropyInfinite", "noEpsilon")
                .hint("No epsilon and no clamping: H of a nearly certain distribution is tiny but exact, and a q of 0 under p > 0 gives +Infinity.")
        );
    }
}
