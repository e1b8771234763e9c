package katagym.llminference;

import java.util.ArrayList;
import java.util.List;

/** Plausible learner bugs the beam-search spec must catch. */
final class BeamSearchBugs {
    private BeamSearchBugs() {}

    /** Forgets the length penalty: scores by the raw log-probability, which favours short hypotheses. */
    static final class ForgetsLengthPenalty extends BeamSearchReference {
        @Override
        protected double lengthPenalty(int length, double alpha) {
            return 1;
        }
    }

    /** Uses length^alpha instead of GNMT's ((5 + length) / 6)^alpha. */
    static final class PenaltyLengthToTheAlpha extends BeamSearchReference {
        @Override
        protected double lengthPenalty(int length, double alpha) {
            return Math.pow(length, alpha);
        }
    }

    /** Records hypotheses ending in EOS as finished but also keeps extending them in the beam. */
    static final class KeepsFinishedHypothesesInTheBeam extends BeamSearchReference {
        @Override
        public Hypothesis search(Model model, int eos, int beamWidth, int maxLength, double alpha) {
            List<Hypothesis> beam = List.of(new Hypothesis(new int[0], 0, 0));
            List<Hypothesis> finished = new ArrayList<>();
            for (int t = 1; t <= maxLength && !beam.isEmpty(); t++) {
                List<Hypothesis> candidates = expand(model, beam);
                List<Hypothesis> next = new ArrayList<>();
                for (Hypothesis c : candidates.subList(0, Math.min(beamWidth, candidates.size()))) {
                    if (c.tokens()[c.tokens().length - 1] == eos) finished.add(finish(c.tokens(), c.logProb(), alpha));
                    next.add(c);
                }
                beam = next;
            }
            for (Hypothesis h : beam) if (h.tokens()[h.tokens().length - 1] != eos) finished.add(finish(h.tokens(), h.logProb(), alpha));
            return best(finished);
        }
    }

    /** Only hypotheses that emitted EOS count; those cut at maxLength are dropped unless nothing finished. */
    static final class IgnoresHypothesesCutAtMaxLength extends BeamSearchReference {
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
            if (finished.isEmpty()) for (Hypothesis h : beam) finished.add(finish(h.tokens(), h.logProb(), alpha));
            return best(finished);
        }
    }

    /** Keeps beamWidth hypotheses without EOS alive at every step, so EOS candidates never take a slot. */
    static final class EosCandidatesTakeNoSlot extends BeamSearchReference {
        @Override
        public Hypothesis search(Model model, int eos, int beamWidth, int maxLength, double alpha) {
            List<Hypothesis> beam = List.of(new Hypothesis(new int[0], 0, 0));
            List<Hypothesis> finished = new ArrayList<>();
            for (int t = 1; t <= maxLength && !beam.isEmpty(); t++) {
                List<Hypothesis> next = new ArrayList<>();
                for (Hypothesis c : expand(model, beam)) {
                    if (next.size() == beamWidth) break;
                    if (c.tokens()[c.tokens().length - 1] == eos) finished.add(finish(c.tokens(), c.logProb(), alpha));
                    else next.add(c);
                }
                beam = next;
            }
            for (Hypothesis h : beam) finished.add(finish(h.tokens(), h.logProb(), alpha));
            return best(finished);
        }
    }

    /** Picks the best with score >= best so far: an exact tie goes to the LAST finished hypothesis. */
    static final class TiesGoToTheLastFinished extends BeamSearchReference {
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
            Hypothesis best = null;
            for (Hypothesis h : finished) if (best == null || h.score() >= best.score()) best = h;
            return best;
        }
    }

    /** Sorts the candidates ascending and reverses the list: equal log-probabilities come out in reverse order (last token first). */
    static final class SortsAscendingThenReverses extends BeamSearchReference {
        @Override
        public Hypothesis search(Model model, int eos, int beamWidth, int maxLength, double alpha) {
            List<Hypothesis> beam = List.of(new Hypothesis(new int[0], 0, 0));
            List<Hypothesis> finished = new ArrayList<>();
            for (int t = 1; t <= maxLength && !beam.isEmpty(); t++) {
                List<Hypothesis> candidates = new ArrayList<>();
                for (Hypothesis h : beam) {
                    double[] lp = model.logProbs(h.tokens().clone());
                    for (int v = 0; v < lp.length; v++) candidates.add(new Hypothesis(append(h.tokens(), v), h.logProb() + lp[v], 0));
                }
                candidates.sort(java.util.Comparator.comparingDouble(Hypothesis::logProb));
                java.util.Collections.reverse(candidates);
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

    /** Counts the length without the EOS token in the penalty ((5 + tokens before EOS) / 6)^alpha. */
    static final class PenaltyLengthWithoutEos extends BeamSearchReference {
        private int eos;

        @Override
        public Hypothesis search(Model model, int eos, int beamWidth, int maxLength, double alpha) {
            this.eos = eos;
            return super.search(model, eos, beamWidth, maxLength, alpha);
        }

        @Override
        protected Hypothesis finish(int[] tokens, double logProb, double alpha) {
            int len = tokens.length > 0 && tokens[tokens.length - 1] == eos ? tokens.length - 1 : tokens.length;
            return new Hypothesis(tokens, logProb, logProb / lengthPenalty(len, alpha));
        }
    }

    /** Stops as soon as beamWidth hypotheses have finished (HF's early_stopping), though the beam may still hold better ones. */
    static final class StopsOnceBeamWidthHaveFinished extends BeamSearchReference {
        @Override
        public Hypothesis search(Model model, int eos, int beamWidth, int maxLength, double alpha) {
            List<Hypothesis> beam = List.of(new Hypothesis(new int[0], 0, 0));
            List<Hypothesis> finished = new ArrayList<>();
            for (int t = 1; t <= maxLength && !beam.isEmpty() && finished.size() < beamWidth; t++) {
                List<Hypothesis> candidates = expand(model, beam);
                List<Hypothesis> next = new ArrayList<>();
                for (Hypothesis c : candidates.subList(0, Math.min(beamWidth, candidates.size()))) {
                    if (c.tokens()[c.tokens().length - 1] == eos) finished.add(finish(c.tokens(), c.logProb(), alpha));
                    else next.add(c);
                }
                beam = next;
            }
            if (finished.size() < beamWidth || finished.isEmpty()) for (Hypothesis h : beam) finished.add(finish(h.tokens(), h.logProb(), alpha));
            return best(finished);
        }
    }
}
