package katagym.llminference;

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
