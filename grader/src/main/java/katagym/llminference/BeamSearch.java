package katagym.llminference;

import katagym.grader.spec.Clause;

/**
 * Beam search with an end-of-sequence token, a maximum length and GNMT's length penalty. Kata
 * {@code beam-search}.
 *
 * <p>The search, exactly:
 * <ol>
 *   <li>The beam starts as the single empty hypothesis (log-probability 0); the finished list is empty.</li>
 *   <li>For each step {@code t = 1 .. maxLength}, while the beam is not empty: every hypothesis {@code h}
 *       of the beam, in beam order, is extended by every token {@code v = 0 .. V-1} with log-probability
 *       {@code h.logProb + model.logProbs(h.tokens)[v]}. The candidates are sorted by log-probability,
 *       descending (a stable sort: ties keep the order hypothesis, then token). The first
 *       {@code beamWidth} candidates are taken: those ending in {@code eos} move to the finished list
 *       (in that order) and leave the beam; the others form the new beam, in that order.</li>
 *   <li>After the last step, the hypotheses left in the beam (length {@code maxLength}, no EOS) are
 *       appended to the finished list.</li>
 *   <li>The result is the finished hypothesis of highest score
 *       {@code logProb / lp(length)}, {@code lp(length) = ((5 + length) / 6)^alpha} where length counts the
 *       tokens including the EOS; ties go to the one earliest in the finished list.</li>
 * </ol>
 * Finished hypotheses are never extended: the model is never asked about a prefix containing EOS.
 */
@Clause(id = "beamStep", value = "Each step extends every beam hypothesis by every token and keeps the beamWidth candidates of highest log-probability; those ending in EOS move to the finished list and take their slot.")
@Clause(id = "stableTies", value = "Candidates are sorted by a stable sort: equal log-probabilities keep the order hypothesis, then token.")
@Clause(id = "finishedNotExtended", value = "Finished hypotheses are never extended: the model is never asked about a prefix containing EOS.")
@Clause(id = "leftoverBeamFinishes", value = "After the last step, the hypotheses left in the beam are appended to the finished list.")
@Clause(id = "score", value = "score = logProb / ((5 + length) / 6)^alpha, length counting every token including EOS; logProb is the sum of the model's log-probabilities.")
@Clause(id = "bestScoreEarliestTie", value = "The result is the finished hypothesis of highest score; ties go to the earliest in the finished list.")
@Clause(id = "wellFormed", value = "The result has 1..maxLength tokens, ends with EOS or has maxLength tokens, and holds EOS nowhere else.")
@Clause(id = "modelUntouched", value = "The search does not modify the arrays the model returns.")
public interface BeamSearch {

    /** A next-token model: log-probabilities over the vocabulary (length V) for a prefix. Deterministic. */
    @FunctionalInterface
    interface Model {
        double[] logProbs(int[] prefix);
    }

    /** A hypothesis: its tokens (ending in EOS unless cut at maxLength), their summed log-probability and its score. */
    record Hypothesis(int[] tokens, double logProb, double score) {}

    /**
     * @param eos the end-of-sequence token, in {@code [0, V)}
     * @param beamWidth {@code >= 1}
     * @param maxLength {@code >= 1}, the most tokens a hypothesis may have (EOS included)
     * @param alpha the length-penalty exponent, {@code >= 0} (0: score = log-probability)
     */
    Hypothesis search(Model model, int eos, int beamWidth, int maxLength, double alpha);
}
