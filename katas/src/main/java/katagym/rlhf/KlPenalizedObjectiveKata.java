package katagym.rlhf;

import katagym.NotImplementedYet;

/**
 * Kata {@code kl-penalized-objective}: the RLHF objective of InstructGPT (PPO-ptx): the reward model's
 * score, minus a KL penalty that keeps the policy near the SFT model, plus a pretraining term.
 * Statement: katas/src/main/resources/statements/kl-penalized-objective.md ({@code ./kata show kl-penalized-objective}).
 */
public final class KlPenalizedObjectiveKata implements KlPenalizedObjective {

    /** Returns {@code sum_t (logProbsPolicy[t] - logProbsSft[t])}: the response's log(pi_RL / pi_SFT). */
    @Override
    public double klEstimate(double[] logProbsPolicy, double[] logProbsSft) {
        throw new NotImplementedYet("KlPenalizedObjectiveKata.klEstimate");
    }

    /** Returns {@code reward - beta * klEstimate + gamma * mean(pretrainLogProbs)}, to be maximised. */
    @Override
    public double objective(double reward, double[] logProbsPolicy, double[] logProbsSft,
                            double beta, double gamma, double[] pretrainLogProbs) {
        throw new NotImplementedYet("KlPenalizedObjectiveKata.objective");
    }
}
