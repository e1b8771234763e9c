package katagym.llminference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

public class BeamSearchReference implements BeamSearch {

    /** GNMT (Wu et al., 2016): ((5 + length) / 6)^alpha. */
    protected double lengthPenalty(int length, double alpha) {
        return Math.pow((5.0 + length) / 6.0, alpha);
    }

    protected Hypothesis finish(int[] tokens, double logProb, double alpha) {
        return new Hypothesis(tokens, logProb, logProb / lengthPenalty(tokens.length, alpha));
    }

    static int[] append(int[] tokens, int v) {
        int[] out = Arrays.copyOf(tokens, tokens.length + 1);
        out[tokens.length] = v;
        return out;
    }

    /** The candidates of one step, best first (stable on ties). */
    static List<Hypothesis> expand(Model model, List<Hypothesis> beam) {
        List<Hypothesis> candidates = new ArrayList<>();
        for (Hypothesis h : beam) {
            double[] lp = model.logProbs(h.tokens().clone());
            for (int v = 0; v < lp.length; v++) candidates.add(new Hypothesis(append(h.tokens(), v), h.logProb() + lp[v], 0));
        }
        candidates.sort(Comparator.comparingDouble((Hypothesis h) -> h.logProb()).reversed());
        return candidates;
    }

    /** The first hypothesis of highest score. */
    static Hypothesis best(List<Hypothesis> finished) {
        Hypothesis best = null;
        for (Hypothesis h : finished) if (best == null || h.score() > best.score()) best = h;
        return best;
    }

    @Override
    public Hypothesis search(Model model, int eos, int beamWidth, int maxLength, double alpha) {
        List<Hypothesis> beam = List.of(new Hypothesis(new int[0], 0, 0));
        List<Hypothesis> finished = new ArrayList<>();
        for (int t = 1; t <= maxLength && !beam.isEmpty(); t++) {
            List<Hypothesis> candidates = expand(model, beam);
            List<Hypothesis> next = new ArrayList<>();
            for (Hypothesis c : candidates.subList(0, Math.min(beamWidth, candidates.size()))) {
                if (c.tokens()[c.tokens().length - 1] == eos) finished.add(finish(c.tokens(), c.logProb(), alpha));
                else next.add(c);
            }
            beam = next;
        }
        for (Hypothesis h : beam) finished.add(finish(h.tokens(), h.logProb(), alpha));
        return best(finished);
    }
}
