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
            double beta = Gens.oneOf(0.1, 0.0, 0.02, 0.05, 0.5, 1.0).generate(s);
            double gamma = Gens.oneOf(0.5, 0.0, 1.0, 2.0, 27.8).generate(s);
            double[] pre = Gens.vectors(1, 5, Gens.doubles(-4, 0)).generate(s);
            return new Case(reward, pol, sft, beta, gamma, pre);
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

    @Override
    public Class<KlPenalizedObjective> contract() { return KlPenalizedObjective.class; }

    @Override
    public List<Check<KlPenalizedObjective>> checks() {
        return List.of(
            Check.<KlPenalizedObjective>oracle("klEstimateMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                double got = pure("klEstimate(logProbsPolicy, logProbsSft)",
                        () -> ctx.subject().klEstimate(c.logProbsPolicy(), c.logProbsSft()), c.logProbsPolicy(), c.logProbsSft());
                close("klEstimate", ctx.oracle().klEstimate(c.logProbsPolicy(), c.logProbsSft()), got);
            })),

            Check.<KlPenalizedObjective>oracle("objectiveMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                double got = pure("objective(reward, logProbsPolicy, logProbsSft, beta, gamma, pretrainLogProbs)",
                        () -> objective(ctx.subject(), c, c.beta(), c.gamma()), c.logProbsPolicy(), c.logProbsSft(), c.pretrainLogProbs());
                close("objective", objective(ctx.oracle(), c, c.beta(), c.gamma()), got);
            })),

            Check.<KlPenalizedObjective>invariant("withBetaAndGammaZeroTheObjectiveIsTheReward", ctx -> ctx.forAll(cases(), c ->
                close("objective with beta = 0 and gamma = 0", c.reward(), objective(ctx.subject(), c, 0, 0)))),

            Check.<KlPenalizedObjective>invariant("identicalPoliciesPayNoKlPenalty", ctx -> ctx.forAll(cases(), c -> {
                double[] same = c.logProbsSft().clone();
                double kl = ctx.subject().klEstimate(same, c.logProbsSft());
                close("klEstimate when the policy equals the SFT model", 0.0, kl);
                double obj = ctx.subject().objective(c.reward(), same, c.logProbsSft(), c.beta(), 0, c.pretrainLogProbs());
                close("objective with the policy equal to the SFT model and gamma = 0", c.reward(), obj);
            })),

            Check.<KlPenalizedObjective>invariant("klEstimateAddsUpOverTokens", ctx -> ctx.forAll(splits(), sp -> {
                KlPenalizedObjective k = ctx.subject();
                double a = k.klEstimate(sp.policyA(), sp.sftA());
                double b = k.klEstimate(sp.policyB(), sp.sftB());
                double ab = k.klEstimate(concat(sp.policyA(), sp.policyB()), concat(sp.sftA(), sp.sftB()));
                close("klEstimate of the concatenated response vs the sum of the two estimates", a + b, ab, SUMS);
            })).hint("log pi(y) of a whole response is the sum of its tokens' log-probs, so the penalty sums over tokens."),

            Check.<KlPenalizedObjective>invariant("aTokenMoreLikelyThanUnderSftCostsBetaPerNat", ctx -> ctx.forAll(nudges(), nd -> {
                Case c = nd.c();
                double[] raised = c.logProbsPolicy().clone();
                raised[nd.token()] += nd.delta();
                double before = objective(ctx.subject(), c, c.beta(), c.gamma());
                double after = ctx.subject().objective(c.reward(), raised, c.logProbsSft(), c.beta(), c.gamma(), c.pretrainLogProbs());
                finite("objective", before);
                close("objective change when policy log-prob " + nd.token() + " rises by " + nd.delta() + " (must be -beta * delta)",
                        -c.beta() * (raised[nd.token()] - c.logProbsPolicy()[nd.token()]), after - before, SUMS);
            })).hint("The penalty is beta * log(pi_RL / pi_SFT): the more the policy prefers a token over SFT, the more it pays."),

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
            })).hint("The pretraining term is a log-likelihood to maximise: + gamma * mean, not a loss to subtract.")
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
            })
        );
    }
}
