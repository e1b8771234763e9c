package katagym.llminference;

import katagym.NotImplementedYet;

/**
 * Kata {@code beam-search}: beam search with EOS, a maximum length and the GNMT length penalty.
 * Statement: katas/src/main/resources/statements/beam-search.md ({@code ./kata show beam-search}).
 */
public final class BeamSearchKata implements BeamSearch {

    /**
     * Runs the search described on {@link BeamSearch}: extend every beam hypothesis by every token,
     * keep the best {@code beamWidth} candidates by log-probability, move those ending in {@code eos}
     * to the finished list, and after {@code maxLength} steps return the finished hypothesis (those
     * cut at maxLength included) with the highest {@code logProb / ((5 + length) / 6)^alpha}.
     */
    @Override
    public Hypothesis search(Model model, int eos, int beamWidth, int maxLength, double alpha) {
        throw new NotImplementedYet("BeamSearchKata.search");
    }
}
