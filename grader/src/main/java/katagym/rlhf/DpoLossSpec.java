package katagym.rlhf;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.fresh;
import static katagym.rlhf.RlhfSpecSupport.RELATIVE;
import static katagym.rlhf.RlhfSpecSupport.minusLogSigmoid;
import static katagym.rlhf.RlhfSpecSupport.sigmoid;
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

    /** Sequence log-probs in the decade -10..-100 or down to -1000: margins in the tens, hundreds and thousands. */
    static Gen<Double> hugeLogProbs() {
        Gen<Double> big = Gens.extremes();
        return s -> s.chance(0.4) ? -Math.pow(10, 1 + Gens.unit(s)) : -Math.abs(big.generate(s));
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

    private static final String LOSS_HINT = "z = beta * ((pc - rc) - (pr - rr)); the loss is the mean over pairs of -log sigmoid(z) = softplus(-z).";
    private static final String GRADIENT_HINT = "d loss / d pc = -beta * sigmoid(-z) / N and d loss / d pr = +beta * sigmoid(-z) / N.";

    @Override
    public Class<DpoLoss> contract() { return DpoLoss.class; }

    @Override
    public List<Check<DpoLoss>> checks() {
        return List.of(
            Check.<DpoLoss>oracle("lossMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                double got = pure("loss(policyChosen, policyRejected, referenceChosen, referenceRejected, beta)",
                        () -> loss(ctx.subject(), c), c.policyChosen(), c.policyRejected(), c.referenceChosen(), c.referenceRejected());
                close("loss", loss(ctx.oracle(), c), got);
            })).enforces("lossValue", "pure").hint(LOSS_HINT),

            Check.<DpoLoss>oracle("gradientMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                DpoLoss.Gradients want = gradient(ctx.oracle(), c);
                DpoLoss.Gradients got = pure("gradient(policyChosen, policyRejected, referenceChosen, referenceRejected, beta)",
                        () -> gradient(ctx.subject(), c), c.policyChosen(), c.policyRejected(), c.referenceChosen(), c.referenceRejected());
                close("dPolicyChosen", want.dPolicyChosen(), got.dPolicyChosen());
                close("dPolicyRejected", want.dPolicyRejected(), got.dPolicyRejected());
            })).enforces("gradientValue", "pure").hint(GRADIENT_HINT),

            Check.<DpoLoss>invariant("gradientsAreNewArraysEachCall", ctx -> ctx.forAll(cases(), c ->
                fresh("gradient(policyChosen, policyRejected, referenceChosen, referenceRejected, beta)", () -> {
                    DpoLoss.Gradients g = gradient(ctx.subject(), c);
                    return new Object[] {g.dPolicyChosen(), g.dPolicyRejected()};
                }, c.policyChosen(), c.policyRejected(), c.referenceChosen(), c.referenceRejected())))
                .enforces("gradientNewArrays")
                .hint("Allocate both gradient arrays inside the call: fields reused between calls overwrite the caller's earlier result."),

            Check.<DpoLoss>example("handWorkedPairs", ctx -> {
                DpoLoss d = ctx.subject();
                ctx.example("one pair, policy [-1 | -3], reference [-2 | -2], beta 0.5 (margin 2, z = 1)", () -> {
                    double[] pc = {-1}, pr = {-3}, rc = {-2}, rr = {-2};
                    close("loss = -log sigmoid(1)", minusLogSigmoid(1), d.loss(pc, pr, rc, rr, 0.5));
                    DpoLoss.Gradients g = d.gradient(pc, pr, rc, rr, 0.5);
                    close("dPolicyChosen = -beta sigmoid(-1)", new double[] {-0.5 * sigmoid(-1)}, g.dPolicyChosen());
                    close("dPolicyRejected = +beta sigmoid(-1)", new double[] {0.5 * sigmoid(-1)}, g.dPolicyRejected());
                });
                ctx.example("one pair, policy [-10 | -50], reference [-10 | -10], beta 1 (z = 40: a tiny loss, not 0)", () -> {
                    double[] pc = {-10}, pr = {-50}, rc = {-10}, rr = {-10};
                    close("loss = log1p(e^-40)", minusLogSigmoid(40), d.loss(pc, pr, rc, rr, 1), RELATIVE);
                    DpoLoss.Gradients g = d.gradient(pc, pr, rc, rr, 1);
                    close("dPolicyChosen = -sigmoid(-40)", new double[] {-sigmoid(-40)}, g.dPolicyChosen(), RELATIVE);
                    close("dPolicyRejected = sigmoid(-40)", new double[] {sigmoid(-40)}, g.dPolicyRejected(), RELATIVE);
                });
                ctx.example("one pair, policy [-1000 | 0], reference [0 | 0], beta 2 (z = -2000)", () -> {
                    close("loss", 2000.0, d.loss(new double[] {-1000}, new double[] {0}, new double[] {0}, new double[] {0}, 2));
                    close("dPolicyChosen", new double[] {-2.0},
                            d.gradient(new double[] {-1000}, new double[] {0}, new double[] {0}, new double[] {0}, 2).dPolicyChosen());
                });
            }).enforces("lossValue", "gradientValue", "stable")
                .hint("Work z = beta * ((pc - rc) - (pr - rr)) by hand; -log sigmoid(40) is e^-40, not 0, and sigmoid(-40) is not 0 either."),

            Check.<DpoLoss>invariant("lossIsLog2WhenThePolicyEqualsTheReference", ctx -> ctx.forAll(cases(), c0 -> {
                Case c = new Case(c0.referenceChosen().clone(), c0.referenceRejected().clone(),
                        c0.referenceChosen(), c0.referenceRejected(), c0.beta());
                close("loss with policy = reference (every pair at probability 1/2)", Math.log(2), loss(ctx.subject(), c));
                DpoLoss.Gradients g = gradient(ctx.subject(), c);
                double[] half = new double[c.n()];
                Arrays.fill(half, c.beta() / (2.0 * c.n()));
                close("dPolicyRejected with policy = reference (beta * sigmoid(0) / N)", half, g.dPolicyRejected());
                close("dPolicyChosen with policy = reference (-beta * sigmoid(0) / N)", times(half, -1), g.dPolicyChosen());
            })).enforces("lossValue", "gradientValue").hint("The implicit reward is a log-ratio, policy minus reference: equal models give a margin of 0 and a loss of log 2."),

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
            })).enforces("lossValue", "gradientValue")
                .hint("The chosen response is the preferred one: raising it relative to the reference must lower the loss, and its gradient must be negative."),

            Check.<DpoLoss>invariant("betaScalesTheLogRatios", ctx -> ctx.forAll(cases(), c -> {
                double l = loss(ctx.subject(), c);
                Case doubled = scaled(c, 2);
                close("loss with every log-prob doubled and beta halved (beta * margin unchanged)", l, loss(ctx.subject(), doubled));
                Case halved = scaled(c, 0.5);
                close("loss with every log-prob halved and beta doubled", l, loss(ctx.subject(), halved));
            })).enforces("lossValue").hint("beta multiplies the whole margin (pi_c - ref_c) - (pi_r - ref_r) inside the sigmoid."),

            Check.<DpoLoss>gradcheck("gradientAgreesWithCentralDifferences", ctx -> ctx.forAll(cases(), c -> {
                int n = c.n();
                DpoLoss.Gradients g = gradient(ctx.subject(), c);
                GradCheck.check("[dPolicyChosen, dPolicyRejected]", concat(c.policyChosen(), c.policyRejected()),
                        x -> ctx.subject().loss(Arrays.copyOfRange(x, 0, n), Arrays.copyOfRange(x, n, 2 * n),
                                c.referenceChosen(), c.referenceRejected(), c.beta()),
                        concat(g.dPolicyChosen(), g.dPolicyRejected()));
            })).enforces("gradientValue").hint(GRADIENT_HINT),

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
            }).enforces("lossValue", "gradientValue")
                .hint("These are PyTorch's values (F.logsigmoid and autograd): compare your margin and its sign on the case shown."),

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
                // every pair loss is positive, so the mean is accurate relatively: no flush to zero
                close("loss", want, l, RELATIVE);
                DpoLoss.Gradients e = gradient(ctx.oracle(), c);
                close("dPolicyChosen", e.dPolicyChosen(), g.dPolicyChosen(), RELATIVE);
                close("dPolicyRejected", e.dPolicyRejected(), g.dPolicyRejected(), RELATIVE);
            })).enforces("stable").hint("-log sigmoid(z) = softplus(-z) = max(-z, 0) + log1p(exp(-|z|)); never take log of a sigmoid that may have underflowed to 0.")
        );
    }
}
