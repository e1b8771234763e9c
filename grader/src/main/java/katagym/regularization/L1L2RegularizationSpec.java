package katagym.regularization;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.finite;
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
            double[] b = Gens.vectors(1, 4, Gens.doubles(-3, 3)).generate(s);
            double l1 = Gens.doubles(0, 1).generate(s);
            double l2 = Gens.doubles(0, 1).generate(s);
            return new Case(w, b, l1, l2);
        };
    }

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
            })),

            Check.<L1L2Regularization>oracle("gradientMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                L1L2Regularization.Gradients want = ctx.oracle().gradient(c.weights(), c.biases(), c.l1(), c.l2());
                L1L2Regularization.Gradients got = pure("gradient(weights, biases, l1, l2)",
                        () -> ctx.subject().gradient(c.weights(), c.biases(), c.l1(), c.l2()), c.weights(), c.biases());
                that(got != null, "gradient returned null");
                close("dWeights", want.dWeights(), got.dWeights());
                close("dBiases", want.dBiases(), got.dBiases());
            })).hint("The subgradient of |w| at w = 0 is taken as 0 (Math.signum(0) = 0), as in PyTorch."),

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
            })).hint("Weight decay is for weights: a bias shifts the output, it does not scale it, so shrinking it buys no smoothness."),

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
            })),

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
            })).hint("d/dw of (l2/2) w^2 is l2 * w: the 1/2 is there so that the 2 cancels."),

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
            })
        );
    }
}
