package katagym.llminference;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import katagym.grader.check.Checks;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class BeamSearchSpec implements KataSpec<BeamSearch> {

    /**
     * A model given as a table: log-softmax of random logits for every prefix that may be asked
     * (no EOS, shorter than maxLength). Asking about any other prefix is an error.
     */
    record TableModel(int vocab, int eos, Map<String, double[]> table) implements BeamSearch.Model {
        @Override
        public double[] logProbs(int[] prefix) {
            double[] lp = table.get(Arrays.toString(prefix));
            if (lp == null) {
                for (int t : prefix) {
                    if (t == eos) Checks.fail("the model was asked to continue " + Arrays.toString(prefix)
                            + ", which already ended with EOS = " + eos + ": finished hypotheses must leave the beam");
                }
                Checks.fail("the model was asked to continue " + Arrays.toString(prefix) + ", which is already at the maximum length or invalid");
            }
            return lp; // not a copy: a search that writes into it corrupts the model (checked with pure)
        }
    }

    record Case(TableModel model, int eos, int beamWidth, int maxLength, double alpha) {}

    static Gen<Case> cases(boolean wide) {
        return s -> {
            int vocab = s.intBetween(2, 4);
            int eos = s.intBetween(0, vocab - 1);
            int maxLength = s.intBetween(1, 4);
            Map<String, double[]> table = new LinkedHashMap<>();
            List<int[]> frontier = new ArrayList<>();
            frontier.add(new int[0]);
            Gen<double[]> logits = Gens.vector(vocab, Gens.doubles(-3, 3));
            while (!frontier.isEmpty()) {
                int[] p = frontier.remove(0);
                table.put(Arrays.toString(p), logSoftmax(logits.generate(s)));
                if (p.length + 1 < maxLength) {
                    for (int v = 0; v < vocab; v++) if (v != eos) frontier.add(append(p, v));
                }
            }
            int width = wide ? (int) Math.pow(vocab, maxLength) : s.intBetween(1, 5);
            double alpha = s.chance(0.2) ? 0 : Gens.doubles(0, 2).generate(s);
            return new Case(new TableModel(vocab, eos, table), eos, width, maxLength, alpha);
        };
    }

    static double[] logSoftmax(double[] z) {
        double max = Arrays.stream(z).max().orElse(0);
        double sum = 0;
        for (double v : z) sum += Math.exp(v - max);
        double lse = max + Math.log(sum);
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) out[i] = z[i] - lse;
        return out;
    }

    static int[] append(int[] p, int v) {
        int[] out = Arrays.copyOf(p, p.length + 1);
        out[p.length] = v;
        return out;
    }

    /** V = 2, EOS = 0: P(EOS) = 0.6 first, but after token 1 the path 1 1 1 0 is nearly certain. */
    static Case eosFirstThenLongSure() {
        Map<String, double[]> table = new LinkedHashMap<>();
        table.put("[]", new double[] {Math.log(0.6), Math.log(0.4)});
        table.put("[1]", new double[] {Math.log(0.01), Math.log(0.99)});
        table.put("[1, 1]", new double[] {Math.log(0.01), Math.log(0.99)});
        table.put("[1, 1, 1]", new double[] {Math.log(0.99), Math.log(0.01)});
        return new Case(new TableModel(2, 0, table), 0, 1, 4, 2.0);
    }

    static double penalty(int length, double alpha) { return Math.pow((5.0 + length) / 6.0, alpha); }

    /** All complete sequences (ending in EOS, or of maxLength without EOS) and their log-probabilities. */
    static void enumerate(Case c, int[] prefix, double lp, List<int[]> seqs, List<Double> lps) {
        double[] next = c.model().logProbs(prefix);
        for (int v = 0; v < next.length; v++) {
            int[] s = append(prefix, v);
            if (v == c.eos() || s.length == c.maxLength()) {
                seqs.add(s);
                lps.add(lp + next[v]);
            } else {
                enumerate(c, s, lp + next[v], seqs, lps);
            }
        }
    }

    static void wellFormed(Case c, BeamSearch.Hypothesis h) {
        that(h != null && h.tokens() != null, "the search returned no hypothesis");
        int[] t = h.tokens();
        that(t.length >= 1 && t.length <= c.maxLength(), () -> "the hypothesis " + Arrays.toString(t) + " has length " + t.length
                + ", outside [1, maxLength = " + c.maxLength() + "]");
        for (int i = 0; i < t.length; i++) {
            int k = i;
            that(t[k] >= 0 && t[k] < c.model().vocab(), () -> "token " + t[k] + " is outside the vocabulary");
            that(t[k] != c.eos() || k == t.length - 1, () -> "EOS at position " + k + " of " + Arrays.toString(t) + " is not the last token");
        }
        that(t[t.length - 1] == c.eos() || t.length == c.maxLength(), () -> "the hypothesis " + Arrays.toString(t)
                + " neither ends with EOS nor reaches maxLength");
    }

    static double logProbOf(Case c, int[] t) {
        double lp = 0;
        for (int i = 0; i < t.length; i++) lp += c.model().logProbs(Arrays.copyOf(t, i))[t[i]];
        return lp;
    }

    @Override
    public Class<BeamSearch> contract() { return BeamSearch.class; }

    @Override
    public List<Check<BeamSearch>> checks() {
        return List.of(
            Check.<BeamSearch>oracle("bestHypothesisMatchesReference", ctx -> ctx.forAll(cases(false), c -> {
                BeamSearch.Hypothesis expected = ctx.oracle().search(c.model(), c.eos(), c.beamWidth(), c.maxLength(), c.alpha());
                BeamSearch.Hypothesis actual = ctx.subject().search(c.model(), c.eos(), c.beamWidth(), c.maxLength(), c.alpha());
                that(actual != null, "the search returned null");
                equal("tokens", expected.tokens(), actual.tokens());
                close("logProb", expected.logProb(), actual.logProb());
                close("score", expected.score(), actual.score());
            }))
                .enforces("beamStep", "stableTies", "leftoverBeamFinishes", "bestScoreEarliestTie", "score").hint("Follow the procedure exactly: per step the top beamWidth candidates (stable sort), EOS ones move to finished; at the end add the beam, pick the best penalised score."),

            Check.<BeamSearch>invariant("resultIsWellFormedAndScoredWithTheGnmtPenalty", ctx -> ctx.forAll(cases(false), c -> {
                BeamSearch.Hypothesis h = ctx.subject().search(c.model(), c.eos(), c.beamWidth(), c.maxLength(), c.alpha());
                wellFormed(c, h);
                double lp = logProbOf(c, h.tokens());
                close("logProb of " + Arrays.toString(h.tokens()) + " (sum of the model's log-probabilities)", lp, h.logProb());
                close("score = logProb / ((5 + length) / 6)^alpha", lp / penalty(h.tokens().length, c.alpha()), h.score());
            })).hint("score = logProb / ((5 + length) / 6)^alpha, length counting every token including EOS.")
                .enforces("score", "wellFormed"),

            Check.<BeamSearch>invariant("widthOneIsGreedyDecoding", ctx -> {
                ctx.example("beamWidth = 1, alpha = 2, EOS = 0 the likeliest first token (0.6), then 1 1 1 0 nearly certain", () -> {
                    Case c = eosFirstThenLongSure();
                    BeamSearch.Hypothesis h = ctx.subject().search(c.model(), c.eos(), 1, c.maxLength(), c.alpha());
                    that(h != null, "the search returned null");
                    equal("tokens with beamWidth = 1: greedy stops at the EOS chosen first", new int[] {0}, h.tokens());
                });
                ctx.forAll(cases(false), c -> {
                List<Integer> greedy = new ArrayList<>();
                int[] prefix = new int[0];
                while (true) {
                    double[] lp = c.model().logProbs(prefix);
                    int v = 0;
                    for (int i = 1; i < lp.length; i++) if (lp[i] > lp[v]) v = i;
                    prefix = append(prefix, v);
                    if (v == c.eos() || prefix.length == c.maxLength()) break;
                }
                int[] expected = prefix;
                BeamSearch.Hypothesis h = ctx.subject().search(c.model(), c.eos(), 1, c.maxLength(), c.alpha());
                that(h != null, "the search returned null");
                equal("tokens with beamWidth = 1 (greedy: argmax at each step until EOS or maxLength)", expected, h.tokens());
                });
            }).hint("Keep the best beamWidth candidates of a step whatever they end with; a candidate ending in EOS takes its slot and leaves the beam.")
                .enforces("beamStep", "finishedNotExtended"),

            Check.<BeamSearch>invariant("anExactTieGoesToTheEarliestFinishedHypothesis", ctx -> {
                for (int eos = 0; eos < 2; eos++) {
                    int e = eos;
                    ctx.example("V = 2, EOS = " + e + ", P = [0.5, 0.5], beamWidth = 2, maxLength = 1, alpha = 0: [" + e + "] finishes at step 1, ["
                            + (1 - e) + "] is appended after the last step, and both score log 0.5", () -> {
                        Map<String, double[]> table = new LinkedHashMap<>();
                        table.put("[]", new double[] {Math.log(0.5), Math.log(0.5)});
                        BeamSearch.Hypothesis h = ctx.subject().search(new TableModel(2, e, table), e, 2, 1, 0.0);
                        that(h != null && h.tokens() != null, "the search returned no hypothesis");
                        equal("tokens (the first of the tied hypotheses in the finished list)", new int[] {e}, h.tokens());
                    });
                }
            }).hint("Replace the best only on a strictly higher score, scanning the finished list in order.")
                .enforces("bestScoreEarliestTie"),

            Check.<BeamSearch>example("anExactTieAtTheBeamCutKeepsTheEarlierToken", ctx ->
                ctx.example("V = 3, EOS = 0, beamWidth = 1, maxLength = 2, alpha = 0: P([]) = [0.2, 0.4, 0.4] ties tokens 1 and 2; "
                        + "then P([1]) = [0.9, 0.05, 0.05], P([2]) = [0.1, 0.1, 0.8]", () -> {
                    Map<String, double[]> table = new LinkedHashMap<>();
                    table.put("[]", new double[] {Math.log(0.2), Math.log(0.4), Math.log(0.4)});
                    table.put("[1]", new double[] {Math.log(0.9), Math.log(0.05), Math.log(0.05)});
                    table.put("[2]", new double[] {Math.log(0.1), Math.log(0.1), Math.log(0.8)});
                    BeamSearch.Hypothesis h = ctx.subject().search(new TableModel(3, 0, table), 0, 1, 2, 0.0);
                    that(h != null && h.tokens() != null, "the search returned no hypothesis");
                    equal("tokens (the stable sort keeps token 1 before the tied token 2, then EOS)", new int[] {1, 0}, h.tokens());
                    close("logProb", Math.log(0.4) + Math.log(0.9), h.logProb());
                    close("score (alpha = 0: the log-probability)", Math.log(0.4) + Math.log(0.9), h.score());
                }))
                .enforces("stableTies", "beamStep", "score")
                .hint("Sort the candidates with a stable descending sort (List.sort with a reversed comparator); sorting ascending and reversing the list puts tied candidates in the opposite order."),

            Check.<BeamSearch>invariant("aBeamAsWideAsTheSearchSpaceFindsTheExhaustiveBest", ctx -> ctx.forAll(cases(true), c -> {
                List<int[]> seqs = new ArrayList<>();
                List<Double> lps = new ArrayList<>();
                enumerate(c, new int[0], 0, seqs, lps);
                int best = 0;
                for (int i = 1; i < seqs.size(); i++) {
                    if (lps.get(i) / penalty(seqs.get(i).length, c.alpha()) > lps.get(best) / penalty(seqs.get(best).length, c.alpha())) best = i;
                }
                int[] expected = seqs.get(best);
                BeamSearch.Hypothesis h = pure("search(model, eos, beamWidth, maxLength, alpha) (the arrays the model returns)",
                        () -> ctx.subject().search(c.model(), c.eos(), c.beamWidth(), c.maxLength(), c.alpha()),
                        c.model().table().values().toArray());
                that(h != null, "the search returned null");
                // sequences tied with the best score are all exhaustive bests: which one a beam keeps depends
                // on the order it finishes them (anExactTieGoesToTheEarliestFinishedHypothesis checks that)
                double bestScore = lps.get(best) / penalty(expected.length, c.alpha());
                for (int i = 0; i < seqs.size(); i++) {
                    double score = lps.get(i) / penalty(seqs.get(i).length, c.alpha());
                    if (java.util.Arrays.equals(seqs.get(i), h.tokens()) && Math.abs(score - bestScore) <= 1e-12 * Math.max(1, Math.abs(bestScore))) {
                        return;
                    }
                }
                equal("tokens (the best of all " + seqs.size() + " complete sequences by score)", expected, h.tokens());
            })).hint("Compare finished hypotheses by the penalised score, and count those cut at maxLength as finished too.")
                .enforces("leftoverBeamFinishes", "bestScoreEarliestTie", "modelUntouched", "finishedNotExtended")
        );
    }
}
