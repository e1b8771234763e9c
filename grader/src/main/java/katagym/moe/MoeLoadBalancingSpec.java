package katagym.moe;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;
import static katagym.grader.check.Checks.throwsOn;

import java.util.List;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class MoeLoadBalancingSpec implements KataSpec<MoeLoadBalancing> {

    /** Router logits [tokens][experts], the loss weight alpha and the capacity factor. */
    record Case(double[][] routerLogits, double alpha, double capacityFactor) {}

    /** tokens routed over experts with a capacity factor (a multiple of 1/64). */
    record CapacityCase(int tokens, int experts, double capacityFactor) {}

    /** A capacity factor in [1/64, 4], a multiple of 1/64 (so capacityFactor * tokens is exact), often a usual one. */
    static Gen<Double> capacityFactors() {
        Gen<Double> usual = Gens.oneOf(1.0, 1.25, 2.0, 0.5, 1.5);
        return s -> s.chance(0.5) ? usual.generate(s)
                : s.chance(0.5) ? 1.0 + s.intBetween(0, 192) / 64.0 : 1.0 - s.intBetween(0, 63) / 64.0; // shrinks toward 1.0
    }

    static Gen<Case> cases(Gen<Double> values) {
        Gen<Double> factors = capacityFactors();
        return s -> {
            int experts = s.intBetween(1, 5);
            int tokens = s.intBetween(1, 8);
            double alpha = s.chance(0.5) ? 1.0 : s.real(0, 10, r -> r.nextDouble() < 0.5 ? 0.01 : 10 * r.nextDouble());
            return new Case(Gens.matrix(tokens, experts, values).generate(s), alpha, factors.generate(s));
        };
    }

    static Gen<Case> cases() { return cases(TopKGatingSpec.logits()); }

    static Gen<CapacityCase> capacityCases() {
        Gen<Double> factors = capacityFactors();
        return s -> {
            int tokens = s.chance(0.7) ? s.intBetween(0, 64) : s.intBetween(0, 1_000_000_000);
            int experts = s.chance(0.7) ? s.intBetween(1, 8) : s.intBetween(1, 100_000);
            double factor = factors.generate(s);
            // the contract promises an int result: capacityFactor * tokens / experts < 2^31
            return new CapacityCase(tokens, experts, tokens > 64 ? Math.min(factor, 2.0) : factor);
        };
    }

    static int top1(double[] row) {
        int best = 0;
        for (int e = 1; e < row.length; e++) if (row[e] > row[best]) best = e;
        return best;
    }

    static double logSumExp(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) max = Math.max(max, v);
        double sum = 0;
        for (double v : row) sum += Math.exp(v - max);
        return max + Math.log(sum);
    }

    @Override
    public Class<MoeLoadBalancing> contract() { return MoeLoadBalancing.class; }

    @Override
    public List<Check<MoeLoadBalancing>> checks() {
        return List.of(
            Check.<MoeLoadBalancing>oracle("auxLossMatchesReference", ctx -> ctx.forAll(cases(), c ->
                close("auxLoss", ctx.oracle().auxLoss(c.routerLogits(), c.alpha()),
                        pure("auxLoss(routerLogits, alpha)", () -> ctx.subject().auxLoss(c.routerLogits(), c.alpha()), (Object) c.routerLogits()))))
                .enforces("auxValue", "noModify").hint("alpha * E * sum_i f_i P_i: f_i counts top-1 choices (ties to the lower index), P_i averages the full softmax."),

            Check.<MoeLoadBalancing>oracle("dispatchMatchesReference", ctx -> ctx.forAll(cases(), c ->
                equal("assignment", ctx.oracle().dispatch(c.routerLogits(), c.capacityFactor()),
                        fresh("dispatch(routerLogits, capacityFactor)", () -> pure("dispatch(routerLogits, capacityFactor)",
                                () -> ctx.subject().dispatch(c.routerLogits(), c.capacityFactor()), (Object) c.routerLogits()),
                                (Object) c.routerLogits()))))
                .enforces("dispatchTop1", "dispatchOrder", "noModify").hint("Keep a load counter per expert; walk the tokens in order and drop (-1) a token whose expert is full."),

            Check.<MoeLoadBalancing>oracle("zLossMatchesReference", ctx -> ctx.forAll(cases(), c ->
                close("zLoss", ctx.oracle().zLoss(c.routerLogits()),
                        pure("zLoss(routerLogits)", () -> ctx.subject().zLoss(c.routerLogits()), (Object) c.routerLogits()))))
                .enforces("zValue", "noModify").hint("Per token: logsumexp of its row, squared; then the mean over tokens."),

            Check.<MoeLoadBalancing>oracle("capacityMatchesReference", ctx -> ctx.forAll(capacityCases(), c ->
                equal("capacity", ctx.oracle().capacity(c.tokens(), c.experts(), c.capacityFactor()),
                        ctx.subject().capacity(c.tokens(), c.experts(), c.capacityFactor()))))
                .enforces("capacityValue").hint("(int) Math.ceil(capacityFactor * tokens / experts), all in double."),

            Check.<MoeLoadBalancing>invariant("capacityIsTheSmallestWholeNumberAtLeastTheShare", ctx -> ctx.forAll(capacityCases(), c -> {
                int cap = ctx.subject().capacity(c.tokens(), c.experts(), c.capacityFactor());
                double share = c.capacityFactor() * c.tokens(); // exact: the factor is a multiple of 1/64
                that((double) cap * c.experts() >= share, () -> "capacity " + cap + " * " + c.experts() + " experts < capacityFactor * tokens = "
                        + share + ": round UP, some expert would have to drop tokens under a perfect balance");
                that((double) (cap - 1) * c.experts() < share, () -> "capacity " + cap + " is more than ceil(" + share + " / " + c.experts()
                        + "): one less would still hold the share");
            })).enforces("capacityValue").hint("Capacity is a ceiling: the smallest whole number c with c * experts >= capacityFactor * tokens."),

            Check.<MoeLoadBalancing>invariant("dispatchKeepsTheFirstTokensOfEachExpert", ctx -> ctx.forAll(cases(), c -> {
                double[][] x = c.routerLogits();
                int[] got = ctx.subject().dispatch(x, c.capacityFactor());
                that(got != null && got.length == x.length, "dispatch must return one entry per token");
                int cap = (int) Math.ceil(c.capacityFactor() * x.length / x[0].length);
                int[] seen = new int[x[0].length];
                for (int t = 0; t < x.length; t++) {
                    int e = top1(x[t]);
                    int want = seen[e]++ < cap ? e : -1;
                    int tt = t;
                    that(got[t] == want, () -> "token " + tt + " (top-1 expert " + e + ", capacity " + cap + "): got " + got[tt] + ", expected " + want
                            + (want == -1 ? " (expert " + e + " is already full with earlier tokens)" : " (expert " + e + " still has room)"));
                }
            })).enforces("dispatchTop1", "dispatchOrder").hint("Never reroute: a token whose top-1 expert is full is dropped, even if another expert has room."),

            Check.<MoeLoadBalancing>invariant("auxLossIsAlphaUnderUniformRouting", ctx -> ctx.forAll(s -> {
                int experts = s.intBetween(1, 5), per = s.intBetween(1, 3);
                double base = Gens.doubles(-3, 3).generate(s), margin = Gens.doubles(0, 4).generate(s);
                double[][] x = new double[experts * per][experts];
                for (int t = 0; t < x.length; t++) {
                    java.util.Arrays.fill(x[t], base);
                    x[t][t % experts] = base + (experts == 1 ? 0 : margin);
                }
                return new Case(x, s.chance(0.5) ? 1.0 : Gens.doubles(0, 10).generate(s), 1.0);
            }, c -> close("auxLoss under uniform routing (equals alpha)", c.alpha(), ctx.subject().auxLoss(c.routerLogits(), c.alpha()))))
                .enforces("auxValue").hint("Multiply by E: under a uniform routing f_i = P_i = 1/E, E * sum_i 1/E^2 = 1, so the loss is alpha."),

            Check.<MoeLoadBalancing>invariant("zLossIsTheMeanOfPerTokenSquares", ctx -> ctx.forAll(cases(), c -> {
                double[][] x = c.routerLogits();
                double mean = 0;
                for (double[] row : x) mean += ctx.subject().zLoss(new double[][] {row}) / x.length;
                close("zLoss(all tokens) vs the mean of zLoss(each token alone)", mean, ctx.subject().zLoss(x));
                double[] one = x[0];
                double lse = logSumExp(one);
                close("zLoss of token 0 alone = logsumexp(row)^2", lse * lse, ctx.subject().zLoss(new double[][] {one}));
            })).enforces("zValue").hint("Square each token's logsumexp before averaging; the square of the mean is smaller."),

            Check.<MoeLoadBalancing>stability("finiteAndAccurateForLogitsUpTo1e3", ctx -> ctx.forAll(cases(Gens.extremes()), c -> {
                double z = ctx.subject().zLoss(c.routerLogits());
                double aux = ctx.subject().auxLoss(c.routerLogits(), c.alpha());
                finite("zLoss", z);
                finite("auxLoss", aux);
                double expected = 0;
                for (double[] row : c.routerLogits()) expected += logSumExp(row) * logSumExp(row) / c.routerLogits().length;
                close("zLoss", expected, z, Tolerance.of(1e-9, 0));
                close("auxLoss", ctx.oracle().auxLoss(c.routerLogits(), c.alpha()), aux, Tolerance.of(1e-9, 1e-300));
            })).enforces("zStable", "auxStable").hint("Subtract the row's max before exp: logsumexp(x) = m + log(sum exp(x - m)); exp(710) is Infinity."),

            Check.<MoeLoadBalancing>invariant("rejectsInvalidArguments", ctx -> {
                MoeLoadBalancing m = ctx.subject();
                ctx.example("capacity(-1, 4, 1.0), (8, 0, 1.0), (8, 4, 0.0), (8, 4, -1.0)", () -> {
                    throwsOn("capacity(-1, 4, 1.0)", IllegalArgumentException.class, "negative tokens", () -> m.capacity(-1, 4, 1.0));
                    throwsOn("capacity(8, 0, 1.0)", IllegalArgumentException.class, "no experts", () -> m.capacity(8, 0, 1.0));
                    throwsOn("capacity(8, 4, 0.0)", IllegalArgumentException.class, "a zero capacity factor", () -> m.capacity(8, 4, 0.0));
                    throwsOn("capacity(8, 4, -1.0)", IllegalArgumentException.class, "a negative capacity factor", () -> m.capacity(8, 4, -1.0));
                });
                ctx.example("dispatch([[1, 0]], 0.0) and dispatch([[1, 0]], -0.5)", () -> {
                    throwsOn("dispatch([[1, 0]], 0.0)", IllegalArgumentException.class, "a zero capacity factor", () -> m.dispatch(new double[][] {{1, 0}}, 0.0));
                    throwsOn("dispatch([[1, 0]], -0.5)", IllegalArgumentException.class, "a negative capacity factor", () -> m.dispatch(new double[][] {{1, 0}}, -0.5));
                });
            }).enforces("capacityRejects", "dispatchRejects").hint("Validate before computing: tokens >= 0, experts >= 1, capacityFactor > 0, in capacity and in dispatch."),

            Check.<MoeLoadBalancing>example("handWorkedEdgeCases", ctx -> {
                MoeLoadBalancing m = ctx.subject();
                ctx.example("capacity(8, 4, 1.0) = 2, capacity(10, 4, 1.0) = ceil(2.5) = 3, capacity(3, 1, 1.25) = ceil(3.75) = 4, capacity(0, 4, 1.0) = 0", () -> {
                    equal("capacity(8, 4, 1.0)", 2, m.capacity(8, 4, 1.0));
                    equal("capacity(10, 4, 1.0)", 3, m.capacity(10, 4, 1.0));
                    equal("capacity(3, 1, 1.25)", 4, m.capacity(3, 1, 1.25));
                    equal("capacity(0, 4, 1.0)", 0, m.capacity(0, 4, 1.0));
                });
                ctx.example("capacity(1000000000, 3, 2.0) = ceil(666666666.67) = 666666667 (2e9 tokens-worth, near the int limit)", () ->
                    equal("capacity(1e9, 3, 2.0)", 666_666_667, m.capacity(1_000_000_000, 3, 2.0)));
                ctx.example("dispatch([[1, 0], [1, 0], [0, 1], [0, 1]], 0.5): capacity 1, so [0, -1, 1, -1]", () ->
                    equal("assignment", new int[] {0, -1, 1, -1}, m.dispatch(new double[][] {{1, 0}, {1, 0}, {0, 1}, {0, 1}}, 0.5)));
                ctx.example("dispatch([[0.0, -0.0], [-0.0, 0.0], [2, 2]], 2.0): ties go to expert 0: [0, 0, 0]", () ->
                    equal("assignment", new int[] {0, 0, 0}, m.dispatch(new double[][] {{0.0, -0.0}, {-0.0, 0.0}, {2, 2}}, 2.0)));
                ctx.example("auxLoss([[0, 0], [0, 0]], 0.01): f = [1, 0], P = [0.5, 0.5]: 0.01 * 2 * 0.5 = 0.01", () ->
                    close("auxLoss", 0.01, m.auxLoss(new double[][] {{0, 0}, {0, 0}}, 0.01)));
                ctx.example("zLoss([[0, 0]]) = (log 2)^2; zLoss([[1], [3]]) = (1 + 9) / 2 = 5", () -> {
                    close("zLoss([[0, 0]])", Math.log(2) * Math.log(2), m.zLoss(new double[][] {{0, 0}}));
                    close("zLoss([[1], [3]])", 5.0, m.zLoss(new double[][] {{1}, {3}}));
                });
            }).enforces("capacityValue", "dispatchTop1", "dispatchOrder", "auxValue", "zValue")
                .hint("Work these by hand: a ceiling (not a floor), token order, ties to the lower index, the mean of squares."),

            Check.<MoeLoadBalancing>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[][] x = g.input().mat("routerLogits");
                        double alpha = g.input().num("alpha"), cf = g.input().num("capacityFactor");
                        close("auxLoss", g.output().num("auxLoss"), ctx.subject().auxLoss(x, alpha), Tolerance.of(1e-9, 1e-12));
                        close("zLoss", g.output().num("zLoss"), ctx.subject().zLoss(x));
                        equal("capacity", g.output().integer("capacity"), ctx.subject().capacity(x.length, x[0].length, cf));
                        equal("dispatch", g.output().ints("dispatch"), ctx.subject().dispatch(x, cf));
                    });
                }
            }).enforces("auxValue", "zValue", "capacityValue", "dispatchTop1", "dispatchOrder")
                .hint("PyTorch computes f_i from argmax (first index on ties), P_i from softmax, the kept tokens from a cumulative sum per expert.")
        );
    }
}
