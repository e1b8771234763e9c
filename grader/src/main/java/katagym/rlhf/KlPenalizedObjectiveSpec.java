package katagym.rlhf;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class KlPenalizedObjectiveSpec implements KataSpec<KlPenalizedObjective> {

    /** One sampled response with its reward, the coefficients, and a pretraining batch. */
    record Case(double reward, double[] logProbsPolicy, double[] logProbsSft, double beta, double gamma,
                double[] pretrainLogProbs) {}

    static Gen<Case> cases() {
        return s -> {
            double reward = Gens.doubles(-3, 3).generate(s);
            double[] pol = Gens.vectors(1, 6, Gens.doubles(-4, 0)).generate(s);
            double[] sft = Gens.vector(pol.length, Gens.doubles(-4, 0)).generate(s);
            double beta = s.chance(0.8) ? Gens.oneOf(0.1, 0.0, 0.02, 0.05, 0.5, 1.0).generate(s) : Gens.doubles(0, 10).generate(s);
            double gamma = s.chance(0.8) ? Gens.oneOf(0.5, 0.0, 1.0, 2.0, 27.8).generate(s) : Gens.doubles(0, 100).generate(s);
            double[] pre = Gens.vectors(1, 5, Gens.doubles(-4, 0)).generate(s);
            return new Case(reward, pol, sft, beta, gamma, pre);
        };
    }

    /** Log-probs in the decade -10..-100 or down to -1e3. */
    static Gen<Double> deepLogProb() {
        return s -> s.chance(0.5) ? -Math.pow(10, 1 + Gens.unit(s)) : -Math.abs(Gens.extremes().generate(s));
    }

    /** A case whose policy and SFT log-probs are deep (down to -1e3), the policy within +-2 nats of the SFT model. */
    static Gen<Case> deepCases() {
        return s -> {
            Case c = cases().generate(s);
            double[] sft = Gens.vector(c.logProbsPolicy().length, deepLogProb()).generate(s);
            double[] pol = new double[sft.length];
            for (int t = 0; t < sft.length; t++) pol[t] = sft[t] + Gens.doubles(-2, 2).generate(s);
            double[] pre = Gens.vector(c.pretrainLogProbs().length, deepLogProb()).generate(s);
            return new Case(c.reward(), pol, sft, c.beta(), c.gamma(), pre);
        };
    }

    /** A case, a token index and a positive amount to raise that token's policy log-prob by. */
    record Nudge(Case c, int token, double delta) {}

    static Gen<Nudge> nudges() {
        return s -> {
            Case c = cases().generate(s);
            int t = s.intBetween(0, c.logProbsPolicy().length - 1);
            double d = Gens.doubles(0.05, 1).generate(s);
            return new Nudge(c, t, d);
        };
    }

    /** Two responses, to check that the estimate adds up over tokens. */
    record Split(double[] policyA, double[] sftA, double[] policyB, double[] sftB) {}

    static Gen<Split> splits() {
        return s -> {
            double[] pa = Gens.vectors(1, 4, Gens.doubles(-4, 0)).generate(s);
            double[] sa = Gens.vector(pa.length, Gens.doubles(-4, 0)).generate(s);
            double[] pb = Gens.vectors(1, 4, Gens.doubles(-4, 0)).generate(s);
            double[] sb = Gens.vector(pb.length, Gens.doubles(-4, 0)).generate(s);
            return new Split(pa, sa, pb, sb);
        };
    }

    static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static double objective(KlPenalizedObjective k, Case c, double beta, double gamma) {
        return k.objective(c.reward(), c.logProbsPolicy(), c.logProbsSft(), beta, gamma, c.pretrainLogProbs());
    }

    /** Sums of a few values of magnitude <= 4 lose a few ulps; differences are compared with this. */
    static final Tolerance SUMS = Tolerance.of(1e-9, 1e-11);

    private static final String KL_HINT = "Sum, over the response's tokens, logProbsPolicy[t] - logProbsSft[t]: policy minus SFT, each with its sign.";
    private static final String OBJECTIVE_HINT = "reward - beta * klEstimate + gamma * mean(pretrainLogProbs): the pretraining term is added.";

    @Override
    public Class<KlPenalizedObjective> contract() { return KlPenalizedObjective.class; }

    @Override
    public List<Check<KlPenalizedObjective>> checks() {
        return List.of(
            Check.<KlPenalizedObjective>oracle("klEstimateMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                double got = pure("klEstimate(logProbsPolicy, logProbsSft)",
                        () -> ctx.subject().klEstimate(c.logProbsPolicy(), c.logProbsSft()), c.logProbsPolicy(), c.logProbsSft());
                close("klEstimate", ctx.oracle().klEstimate(c.logProbsPolicy(), c.logProbsSft()), got);
            })).enforces("klValue", "pure").hint(KL_HINT),

            Check.<KlPenalizedObjective>oracle("objectiveMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                double got = pure("objective(reward, logProbsPolicy, logProbsSft, beta, gamma, pretrainLogProbs)",
                        () -> objective(ctx.subject(), c, c.beta(), c.gamma()), c.logProbsPolicy(), c.logProbsSft(), c.pretrainLogProbs());
                close("objective", objective(ctx.oracle(), c, c.beta(), c.gamma()), got);
            })).enforces("objectiveValue", "pure").hint(OBJECTIVE_HINT),

            Check.<KlPenalizedObjective>stability("exactForLogProbsDownToMinus1e3", ctx -> ctx.forAll(deepCases(), c -> {
                double kl = ctx.subject().klEstimate(c.logProbsPolicy(), c.logProbsSft());
                double obj = objective(ctx.subject(), c, c.beta(), c.gamma());
                finite("klEstimate", kl);
                finite("objective", obj);
                close("klEstimate", ctx.oracle().klEstimate(c.logProbsPolicy(), c.logProbsSft()), kl, SUMS);
                close("objective", objective(ctx.oracle(), c, c.beta(), c.gamma()), obj, SUMS);
            })).enforces("deepLogProbs")
                .hint("exp(-800) is 0 in double: log(exp(p) / exp(s)) is log(0 / 0). The log-ratio is simply p - s."),

            Check.<KlPenalizedObjective>example("handWorkedValues", ctx -> {
                KlPenalizedObjective k = ctx.subject();
                double[] pol = {-1, -2, -0.5}, sft = {-1.5, -1, -0.5};
                ctx.example("policy [-1, -2, -0.5], SFT [-1.5, -1, -0.5] (one token more likely, one less, one equal)", () ->
                    close("klEstimate (0.5 - 1 + 0, signed per token)", -0.5, k.klEstimate(pol, sft)));
                ctx.example("reward 2, those log-probs, beta 0.1, gamma 0.5, pretrain [-2, -4]", () ->
                    close("objective (2 - 0.1 * (-0.5) + 0.5 * (-3))", 2 + 0.05 - 1.5, k.objective(2, pol, sft, 0.1, 0.5, new double[] {-2, -4})));
                ctx.example("one token at -800 under the policy and -801 under SFT", () ->
                    close("klEstimate", 1.0, k.klEstimate(new double[] {-800}, new double[] {-801})));
            }).enforces("klValue", "objectiveValue", "deepLogProbs")
                .hint("Every token counts with its sign: a token less likely under the policy than under SFT lowers the estimate."),

            Check.<KlPenalizedObjective>invariant("withBetaAndGammaZeroTheObjectiveIsTheReward", ctx -> ctx.forAll(cases(), c ->
                close("objective with beta = 0 and gamma = 0", c.reward(), objective(ctx.subject(), c, 0, 0))))
                .enforces("objectiveValue").hint("With both coefficients 0 only the reward model's score is left."),

            Check.<KlPenalizedObjective>invariant("identicalPoliciesPayNoKlPenalty", ctx -> ctx.forAll(cases(), c -> {
                double[] same = c.logProbsSft().clone();
                double kl = ctx.subject().klEstimate(same, c.logProbsSft());
                close("klEstimate when the policy equals the SFT model", 0.0, kl);
                double obj = ctx.subject().objective(c.reward(), same, c.logProbsSft(), c.beta(), 0, c.pretrainLogProbs());
                close("objective with the policy equal to the SFT model and gamma = 0", c.reward(), obj);
            })).enforces("klValue", "objectiveValue").hint("log(pi_RL / pi_SFT) is 0 for every token when the two models agree."),

            Check.<KlPenalizedObjective>invariant("klEstimateAddsUpOverTokens", ctx -> ctx.forAll(splits(), sp -> {
                KlPenalizedObjective k = ctx.subject();
                double a = k.klEstimate(sp.policyA(), sp.sftA());
                double b = k.klEstimate(sp.policyB(), sp.sftB());
                double ab = k.klEstimate(concat(sp.policyA(), sp.policyB()), concat(sp.sftA(), sp.sftB()));
                close("klEstimate of the concatenated response vs the sum of the two estimates", a + b, ab, SUMS);
            })).enforces("klValue").hint("log pi(y) of a whole response is the sum of its tokens' log-probs, so the penalty sums over tokens."),

            Check.<KlPenalizedObjective>invariant("aTokenMoreLikelyThanUnderSftCostsBetaPerNat", ctx -> ctx.forAll(nudges(), nd -> {
                Case c = nd.c();
                double[] raised = c.logProbsPolicy().clone();
                raised[nd.token()] += nd.delta();
                double before = objective(ctx.subject(), c, c.beta(), c.gamma());
                double after = ctx.subject().objective(c.reward(), raised, c.logProbsSft(), c.beta(), c.gamma(), c.pretrainLogProbs());
                finite("objective", before);
                close("objective change when policy log-prob " + nd.token() + " rises by " + nd.delta() + " (must be -beta * delta)",
                        -c.beta() * (raised[nd.token()] - c.logProbsPolicy()[nd.token()]), after - before, SUMS);
            })).enforces("objectiveValue").hint("The penalty is beta * log(pi_RL / pi_SFT): the more the policy prefers a token over SFT, the more it pays."),

            Check.<KlPenalizedObjective>invariant("pretrainingTermIsGammaTimesAMeanLogLikelihood", ctx -> ctx.forAll(cases(), c -> {
                KlPenalizedObjective k = ctx.subject();
                double base = objective(k, c, c.beta(), c.gamma());
                double twice = k.objective(c.reward(), c.logProbsPolicy(), c.logProbsSft(), c.beta(), c.gamma(),
                        concat(c.pretrainLogProbs(), c.pretrainLogProbs()));
                close("objective with every pretraining log-prob listed twice (a mean does not change)", base, twice, SUMS);
                double[] likelier = c.pretrainLogProbs().clone();
                for (int i = 0; i < likelier.length; i++) likelier[i] += 1;
                double up = k.objective(c.reward(), c.logProbsPolicy(), c.logProbsSft(), c.beta(), c.gamma(), likelier);
                close("objective change when every pretraining log-prob rises by 1 (must be +gamma)", c.gamma(), up - base, SUMS);
            })).enforces("objectiveValue").hint("The pretraining term is a log-likelihood to maximise: + gamma * mean, not a loss to subtract.")
            ,

            Check.<KlPenalizedObjective>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[] pol = g.input().vec("logProbsPolicy"), sft = g.input().vec("logProbsSft");
                        close("klEstimate", g.output().num("klEstimate"), ctx.subject().klEstimate(pol, sft));
                        double obj = ctx.subject().objective(g.input().num("reward"), pol, sft, g.input().num("beta"),
                                g.input().num("gamma"), g.input().vec("pretrainLogProbs"));
                        close("objective", g.output().num("objective"), obj);
                    });
                }
            }).enforces("klValue", "objectiveValue")
                .hint("These are PyTorch's values: compare the three terms of your objective on the case shown.")
        );
    }
}
