package katagym.regularization;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.GradCheck;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class L1L2RegularizationSpec implements KataSpec<L1L2Regularization> {

    /** A layer's weights and biases and the two penalty strengths. */
    record Case(double[] weights, double[] biases, double l1, double l2) {}

    /** Weights with exact zeros and small integers now and then (the sign(0) edge), any biases. */
    static Gen<Case> cases() {
        return s -> {
            double[] w = Gens.vectors(1, 6, Gens.doubles(-3, 3)).generate(s);
            double[] b = Gens.vectors(0, 4, Gens.doubles(-3, 3)).generate(s); // no biases at all is allowed
            double l1 = strength(s);
            double l2 = strength(s);
            return new Case(w, b, l1, l2);
        };
    }

    /** Strengths over the whole allowed range: mostly [0, 1], sometimes up to 10. */
    static double strength(katagym.grader.prop.Source s) {
        return s.chance(0.75) ? Gens.doubles(0, 1).generate(s) : Gens.doubles(0, 10).generate(s);
    }

    static final String PENALTY_HINT = "P = l1 * sum |w| + (l2 / 2) * sum w^2 over the weights only; the 1/2 is part of the definition.";
    static final String GRADIENT_HINT = "dW = l1 * sign(w) + l2 * w with sign(0) = 0 (Math.signum); dBiases is all zeros, one per bias.";

    /** The same case with different, nonzero biases. */
    record BiasChange(Case c, double[] otherBiases) {}

    static Gen<BiasChange> biasChanges() {
        return s -> {
            Case c = cases().generate(s);
            double[] other = Gens.vector(c.biases().length, Gens.doubles(1, 5)).generate(s);
            return new BiasChange(c, other);
        };
    }

    /** Weights kept away from the L1 kink at 0, so central differences see a smooth function. */
    static Gen<Case> smoothCases() {
        return cases().filter(c -> {
            for (double w : c.weights()) if (Math.abs(w) < 1e-3) return false;
            return true;
        });
    }

    static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public Class<L1L2Regularization> contract() { return L1L2Regularization.class; }

    @Override
    public List<Check<L1L2Regularization>> checks() {
        return List.of(
            Check.<L1L2Regularization>oracle("penaltyMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                double got = pure("penalty(weights, biases, l1, l2)",
                        () -> ctx.subject().penalty(c.weights(), c.biases(), c.l1(), c.l2()), c.weights(), c.biases());
                close("penalty", ctx.oracle().penalty(c.weights(), c.biases(), c.l1(), c.l2()), got);
            })).enforces("penaltyValue", "anyStrength", "newArray").hint(PENALTY_HINT),

            Check.<L1L2Regularization>oracle("gradientMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                L1L2Regularization.Gradients want = ctx.oracle().gradient(c.weights(), c.biases(), c.l1(), c.l2());
                L1L2Regularization.Gradients got = pure("gradient(weights, biases, l1, l2)",
                        () -> ctx.subject().gradient(c.weights(), c.biases(), c.l1(), c.l2()), c.weights(), c.biases());
                that(got != null, "gradient returned null");
                close("dWeights", want.dWeights(), got.dWeights());
                close("dBiases", want.dBiases(), got.dBiases());
            })).enforces("gradientValue", "signOfZero", "biasesNotPenalised", "anyStrength", "newArray")
                .hint("The subgradient of |w| at w = 0 is taken as 0 (Math.signum(0) = 0), as in PyTorch; " + GRADIENT_HINT),

            Check.<L1L2Regularization>example("handWorkedValues", ctx -> {
                L1L2Regularization r = ctx.subject();
                double[] w = {1, -2, 0.0, -0.0}, b = {5, -5};
                ctx.example("weights = [1, -2, 0, -0.0], biases = [5, -5], l1 = 0.5, l2 = 0.1", () -> {
                    close("penalty (0.5 * 3 + 0.05 * 5)", 1.75, r.penalty(w, b, 0.5, 0.1));
                    L1L2Regularization.Gradients g = r.gradient(w, b, 0.5, 0.1);
                    that(g != null, "gradient returned null");
                    close("dWeights (sign(0) = 0)", new double[] {0.6, -0.7, 0, 0}, g.dWeights());
                    equal("dBiases", new double[] {0, 0}, g.dBiases());
                });
                ctx.example("weights = [3], biases = [] (no bias), l1 = 1, l2 = 2", () -> {
                    close("penalty", 12.0, r.penalty(new double[] {3}, new double[0], 1, 2));
                    L1L2Regularization.Gradients g = r.gradient(new double[] {3}, new double[0], 1, 2);
                    that(g != null, "gradient returned null");
                    close("dWeights", new double[] {7}, g.dWeights());
                    equal("dBiases.length", 0, g.dBiases().length);
                });
                ctx.example("weights = [] (none), biases = [1], l1 = 1, l2 = 1", () -> {
                    close("penalty", 0.0, r.penalty(new double[0], new double[] {1}, 1, 1));
                    L1L2Regularization.Gradients g = r.gradient(new double[0], new double[] {1}, 1, 1);
                    that(g != null, "gradient returned null");
                    equal("dWeights.length", 0, g.dWeights().length);
                    equal("dBiases", new double[] {0}, g.dBiases());
                });
            }).enforces("penaltyValue", "gradientValue", "signOfZero", "biasesNotPenalised", "emptyInput")
                .hint("Work the example by hand: |0| contributes nothing and sign(0) = 0; a layer with no bias has an empty dBiases."),

            Check.<L1L2Regularization>invariant("resultsAreNewArrays", ctx -> ctx.forAll(cases(), c ->
                fresh("gradient(weights, biases, l1, l2)", () -> {
                    L1L2Regularization.Gradients g = ctx.subject().gradient(c.weights(), c.biases(), c.l1(), c.l2());
                    that(g != null, "gradient returned null");
                    return new double[][] {g.dWeights(), g.dBiases()};
                }, c.weights(), c.biases())))
                .enforces("newArray")
                .hint("Allocate dWeights and dBiases in every call: a trainer adds into them, so a zero array kept in a field "
                        + "(or an argument returned as is) is corrupted for every later call."),

            Check.<L1L2Regularization>invariant("biasesAreNeverPenalised", ctx -> ctx.forAll(biasChanges(), bc -> {
                Case c = bc.c();
                double p = ctx.subject().penalty(c.weights(), c.biases(), c.l1(), c.l2());
                double pOther = ctx.subject().penalty(c.weights(), bc.otherBiases(), c.l1(), c.l2());
                finite("penalty", p);
                equal("penalty with the biases changed (must not move)", p, pOther);
                L1L2Regularization.Gradients g = ctx.subject().gradient(c.weights(), bc.otherBiases(), c.l1(), c.l2());
                that(g != null, "gradient returned null");
                shape("dBiases", g.dBiases(), c.biases().length);
                shape("dWeights", g.dWeights(), c.weights().length);
                for (int i = 0; i < g.dBiases().length; i++) {
                    int k = i;
                    that(g.dBiases()[k] == 0.0, () -> "dBiases[" + k + "] = " + g.dBiases()[k] + " but biases are not penalised: it must be exactly 0");
                }
            })).enforces("biasesNotPenalised").hint("Weight decay is for weights: a bias shifts the output, it does not scale it, so shrinking it buys no smoothness."),

            Check.<L1L2Regularization>invariant("penaltyIsNonNegativeAndSplitsIntoItsTwoTerms", ctx -> ctx.forAll(cases(), c -> {
                L1L2Regularization s = ctx.subject();
                double both = s.penalty(c.weights(), c.biases(), c.l1(), c.l2());
                double onlyL1 = s.penalty(c.weights(), c.biases(), c.l1(), 0);
                double onlyL2 = s.penalty(c.weights(), c.biases(), 0, c.l2());
                that(both >= 0, () -> "penalty " + both + " is negative");
                close("penalty(l1, l2) - penalty(l1, 0) - penalty(0, l2)", 0.0, both - onlyL1 - onlyL2);
                close("penalty with l1 = l2 = 0", 0.0, s.penalty(c.weights(), c.biases(), 0, 0));
                double[] zeros = new double[c.weights().length];
                close("penalty of all-zero weights", 0.0, s.penalty(zeros, c.biases(), c.l1(), c.l2()));
                L1L2Regularization.Gradients g0 = s.gradient(zeros, c.biases(), c.l1(), c.l2());
                close("dWeights at zero weights (sign(0) = 0)", zeros, g0.dWeights());
            })).enforces("penaltyValue", "signOfZero")
                .hint("The two terms add up separately, the penalty is never negative, and zero weights cost nothing and get no push."),

            Check.<L1L2Regularization>gradcheck("gradientAgreesWithCentralDifferences", ctx -> ctx.forAll(smoothCases(), c -> {
                int nw = c.weights().length;
                L1L2Regularization.Gradients g = ctx.subject().gradient(c.weights(), c.biases(), c.l1(), c.l2());
                that(g != null, "gradient returned null");
                shape("dWeights", g.dWeights(), nw);
                shape("dBiases", g.dBiases(), c.biases().length);
                GradCheck.check("[dWeights, dBiases]", concat(c.weights(), c.biases()),
                        x -> ctx.subject().penalty(java.util.Arrays.copyOfRange(x, 0, nw),
                                java.util.Arrays.copyOfRange(x, nw, x.length), c.l1(), c.l2()),
                        concat(g.dWeights(), g.dBiases()));
            })).enforces("gradientValue", "biasesNotPenalised").hint("d/dw of (l2/2) w^2 is l2 * w: the 1/2 is there so that the 2 cancels."),

            Check.<L1L2Regularization>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[] w = g.input().vec("weights"), b = g.input().vec("biases");
                        double l1 = g.input().num("l1"), l2 = g.input().num("l2");
                        close("penalty", g.output().num("penalty"), ctx.subject().penalty(w, b, l1, l2));
                        L1L2Regularization.Gradients got = ctx.subject().gradient(w, b, l1, l2);
                        that(got != null, "gradient returned null");
                        close("dWeights", g.output().vec("dweights"), got.dWeights());
                        close("dBiases", g.output().vec("dbiases"), got.dBiases());
                    });
                }
            }).enforces("penaltyValue", "gradientValue")
                .hint("These are the values PyTorch's autograd gives for this penalty: " + PENALTY_HINT)
        );
    }
}
