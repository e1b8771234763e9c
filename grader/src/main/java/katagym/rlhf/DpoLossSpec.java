package katagym.rlhf;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;

import java.util.Arrays;
import java.util.List;
import katagym.grader.check.GradCheck;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class DpoLossSpec implements KataSpec<DpoLoss> {

    /** N preference pairs: sequence log-probs under the policy and the reference, and beta. */
    record Case(double[] policyChosen, double[] policyRejected, double[] referenceChosen, double[] referenceRejected,
                double beta) {
        int n() { return policyChosen.length; }
    }

    static Gen<Case> cases(Gen<Double> policyLogProbs) {
        return s -> {
            double[] pc = Gens.vectors(1, 5, policyLogProbs).generate(s);
            int n = pc.length;
            double[] pr = Gens.vector(n, policyLogProbs).generate(s);
            double[] rc = Gens.vector(n, Gens.doubles(-10, 0)).generate(s);
            double[] rr = Gens.vector(n, Gens.doubles(-10, 0)).generate(s);
            double beta = Gens.oneOf(0.1, 0.5, 0.05, 1.0, 2.0).generate(s);
            return new Case(pc, pr, rc, rr, beta);
        };
    }

    static Gen<Case> cases() { return cases(Gens.doubles(-10, 0)); }

    /** Sequence log-probs down to -1000: margins in the hundreds and thousands. */
    static Gen<Double> hugeLogProbs() {
        Gen<Double> big = Gens.extremes();
        return s -> -Math.abs(big.generate(s));
    }

    /** The policy raised the chosen response and lowered the rejected one, relative to the reference. */
    record Improved(Case c, double[] up, double[] down) {}

    static Gen<Improved> improved() {
        return s -> {
            Case c = cases().generate(s);
            double[] up = Gens.vector(c.n(), Gens.doubles(0.01, 3)).generate(s);
            double[] down = Gens.vector(c.n(), Gens.doubles(0, 3)).generate(s);
            double[] pc = new double[c.n()], pr = new double[c.n()];
            for (int i = 0; i < c.n(); i++) {
                pc[i] = c.referenceChosen()[i] + up[i];
                pr[i] = c.referenceRejected()[i] - down[i];
            }
            return new Improved(new Case(pc, pr, c.referenceChosen(), c.referenceRejected(), c.beta()), up, down);
        };
    }

    static double loss(DpoLoss d, Case c) {
        return d.loss(c.policyChosen(), c.policyRejected(), c.referenceChosen(), c.referenceRejected(), c.beta());
    }

    static DpoLoss.Gradients gradient(DpoLoss d, Case c) {
        DpoLoss.Gradients g = d.gradient(c.policyChosen(), c.policyRejected(), c.referenceChosen(), c.referenceRejected(), c.beta());
        that(g != null, "gradient returned null");
        shape("dPolicyChosen", g.dPolicyChosen(), c.n());
        shape("dPolicyRejected", g.dPolicyRejected(), c.n());
        return g;
    }

    static Case scaled(Case c, double k) {
        return new Case(times(c.policyChosen(), k), times(c.policyRejected(), k), times(c.referenceChosen(), k),
                times(c.referenceRejected(), k), c.beta() / k);
    }

    static double[] times(double[] v, double k) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] * k;
        return out;
    }

    static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Independent -log sigmoid(z). */
    static double minusLogSigmoid(double z) {
        return z >= 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
    }

    @Override
    public Class<DpoLoss> contract() { return DpoLoss.class; }

    @Override
    public List<Check<DpoLoss>> checks() {
        return List.of(
            Check.<DpoLoss>oracle("lossMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                double got = pure("loss(policyChosen, policyRejected, referenceChosen, referenceRejected, beta)",
                        () -> loss(ctx.subject(), c), c.policyChosen(), c.policyRejected(), c.referenceChosen(), c.referenceRejected());
                close("loss", loss(ctx.oracle(), c), got);
            })),

            Check.<DpoLoss>oracle("gradientMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                DpoLoss.Gradients want = gradient(ctx.oracle(), c);
                DpoLoss.Gradients got = pure("gradient(policyChosen, policyRejected, referenceChosen, referenceRejected, beta)",
                        () -> gradient(ctx.subject(), c), c.policyChosen(), c.policyRejected(), c.referenceChosen(), c.referenceRejected());
                close("dPolicyChosen", want.dPolicyChosen(), got.dPolicyChosen());
                close("dPolicyRejected", want.dPolicyRejected(), got.dPolicyRejected());
            })),

            Check.<DpoLoss>invariant("lossIsLog2WhenThePolicyEqualsTheReference", ctx -> ctx.forAll(cases(), c0 -> {
                Case c = new Case(c0.referenceChosen().clone(), c0.referenceRejected().clone(),
                        c0.referenceChosen(), c0.referenceRejected(), c0.beta());
                close("loss with policy = reference (every pair at probability 1/2)", Math.log(2), loss(ctx.subject(), c));
                DpoLoss.Gradients g = gradient(ctx.subject(), c);
                double[] half = new double[c.n()];
                Arrays.fill(half, c.beta() / (2.0 * c.n()));
                close("dPolicyRejected with policy = reference (beta * sigmoid(0) / N)", half, g.dPolicyRejected());
                close("dPolicyChosen with policy = reference (-beta * sigmoid(0) / N)", times(half, -1), g.dPolicyChosen());
            })).hint("The implicit reward is a log-ratio, policy minus reference: equal models give a margin of 0 and a loss of log 2."),

            Check.<DpoLoss>invariant("preferringTheChosenResponseLowersTheLoss", ctx -> ctx.forAll(improved(), im -> {
                Case c = im.c();
                double l = loss(ctx.subject(), c);
                that(l >= 0 && l < Math.log(2), () -> "the policy raised every chosen response and lowered every rejected one relative to the reference,"
                        + " so every margin is positive and the loss must lie in [0, log 2); got " + l);
                DpoLoss.Gradients g = gradient(ctx.subject(), c);
                for (int i = 0; i < c.n(); i++) {
                    int k = i;
                    that(g.dPolicyChosen()[k] < 0 && g.dPolicyRejected()[k] > 0, () -> "pair " + k + ": descending the loss must raise the chosen log-prob"
                            + " (dPolicyChosen < 0) and lower the rejected one (dPolicyRejected > 0); got " + g.dPolicyChosen()[k] + " and " + g.dPolicyRejected()[k]);
                    close("dPolicyRejected[" + k + "] (must be -dPolicyChosen[" + k + "])", -g.dPolicyChosen()[k], g.dPolicyRejected()[k]);
                }
            })),

            Check.<DpoLoss>invariant("betaScalesTheLogRatios", ctx -> ctx.forAll(cases(), c -> {
                double l = loss(ctx.subject(), c);
                Case doubled = scaled(c, 2);
                close("loss with every log-prob doubled and beta halved (beta * margin unchanged)", l, loss(ctx.subject(), doubled));
                Case halved = scaled(c, 0.5);
                close("loss with every log-prob halved and beta doubled", l, loss(ctx.subject(), halved));
            })).hint("beta multiplies the whole margin (pi_c - ref_c) - (pi_r - ref_r) inside the sigmoid."),

            Check.<DpoLoss>gradcheck("gradientAgreesWithCentralDifferences", ctx -> ctx.forAll(cases(), c -> {
                int n = c.n();
                DpoLoss.Gradients g = gradient(ctx.subject(), c);
                GradCheck.check("[dPolicyChosen, dPolicyRejected]", concat(c.policyChosen(), c.policyRejected()),
                        x -> ctx.subject().loss(Arrays.copyOfRange(x, 0, n), Arrays.copyOfRange(x, n, 2 * n),
                                c.referenceChosen(), c.referenceRejected(), c.beta()),
                        concat(g.dPolicyChosen(), g.dPolicyRejected()));
            })),

            Check.<DpoLoss>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        Case c = new Case(g.input().vec("policyChosen"), g.input().vec("policyRejected"),
                                g.input().vec("referenceChosen"), g.input().vec("referenceRejected"), g.input().num("beta"));
                        close("loss", g.output().num("loss"), loss(ctx.subject(), c));
                        DpoLoss.Gradients got = gradient(ctx.subject(), c);
                        close("dPolicyChosen", g.output().vec("dpolicyChosen"), got.dPolicyChosen());
                        close("dPolicyRejected", g.output().vec("dpolicyRejected"), got.dPolicyRejected());
                    });
                }
            }),

            Check.<DpoLoss>stability("finiteAndExactForHugeMargins", ctx -> ctx.forAll(cases(hugeLogProbs()), c -> {
                double l = loss(ctx.subject(), c);
                DpoLoss.Gradients g = gradient(ctx.subject(), c);
                finite("loss", l);
                finite("dPolicyChosen", g.dPolicyChosen());
                finite("dPolicyRejected", g.dPolicyRejected());
                double want = 0;
                for (int i = 0; i < c.n(); i++) {
                    want += minusLogSigmoid(c.beta() * ((c.policyChosen()[i] - c.referenceChosen()[i])
                            - (c.policyRejected()[i] - c.referenceRejected()[i]))) / c.n();
                }
                close("loss", want, l);
                close("dPolicyChosen", gradient(ctx.oracle(), c).dPolicyChosen(), g.dPolicyChosen());
            })).hint("-log sigmoid(z) = softplus(-z) = max(-z, 0) + log1p(exp(-|z|)); never take log of a sigmoid that may have underflowed to 0.")
        );
    }
}
