package katagym.llminference;

import katagym.grader.spec.Clause;

/**
 * Speculative decoding's verification step (Leviathan et al., 2023; Chen et al., 2023): a cheap
 * draft model q proposed tokens, the target model p scores them in one pass, and an accept/reject
 * rule keeps the output distributed exactly as p. The uniforms are arguments: no randomness inside.
 * Kata {@code speculative-decoding}.
 *
 * <p>Sampling from a distribution {@code d} with a uniform {@code u} always means: the first index
 * whose cumulative probability (summed left to right) is {@code > u}; if rounding leaves none, the
 * last index of positive probability.
 */
@Clause(id = "sampleRule", value = "Sampling from d with u takes the first index whose left-to-right cumulative probability is > u, else the last index of positive probability.")
@Clause(id = "targetDistribution", value = "Over all uniforms, the emitted tokens are distributed exactly as the target p.")
public interface SpeculativeDecoding {

    /** {@code min(1, p[token] / q[token])}, for {@code q[token] > 0}. */
    @Clause(id = "acceptance", value = "acceptanceProbability = min(1, p[token] / q[token]).")
    double acceptanceProbability(double[] p, double[] q, int token);

    /**
     * The residual distribution {@code norm(max(0, p - q))}: {@code r[i] = max(0, p[i] - q[i]) / sum_j max(0, p[j] - q[j])}.
     * If that sum is 0 (p equals q, so a rejection cannot happen) it returns a copy of p. A new array.
     */
    @Clause(id = "residualValue", value = "residual = max(0, p - q) renormalised; a copy of p when that sum is 0.")
    @Clause(id = "residualNewArray", value = "residual returns a new array (never p itself, never a buffer reused between calls) and modifies neither p nor q.")
    double[] residual(double[] p, double[] q);

    /**
     * One verification step for {@code k = draft.length} drafted tokens. For {@code i = 0 .. k-1}: accept
     * {@code draft[i]} when {@code acceptU[i] < acceptanceProbability(p[i], q[i], draft[i])} and go on;
     * at the first rejection emit a token sampled with {@code sampleU} from {@code residual(p[i], q[i])}
     * and stop. If all k drafts are accepted, emit a bonus token sampled with {@code sampleU} from
     * {@code p[k]}.
     *
     * @param p {@code k + 1} target distributions: {@code p[i]} for position i given the drafts before it
     * @param q {@code k} draft distributions: {@code draft[i]} was sampled from {@code q[i]}
     * @param acceptU k uniforms in [0, 1), one per draft
     * @param sampleU a uniform in [0, 1) for the resampled or bonus token
     * @return the emitted tokens: the accepted drafts, then one resampled or bonus token (length 1 to k + 1).
     *         Must not modify its arguments.
     */
    @Clause(id = "acceptRule", value = "Draft i is accepted when acceptU[i] < its acceptance probability (strictly); verification stops at the first rejection.")
    @Clause(id = "resampleOnReject", value = "At the first rejection one token is sampled with sampleU from residual(p[i], q[i]).")
    @Clause(id = "bonusToken", value = "If all k drafts are accepted, a bonus token is sampled with sampleU from p[k].")
    @Clause(id = "verifyPure", value = "verify returns the accepted drafts then one token (length 1..k + 1) and modifies none of its arguments.")
    int[] verify(double[][] p, double[][] q, int[] draft, double[] acceptU, double sampleU);
}
