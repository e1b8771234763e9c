package katagym.tokenization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Plausible learner bugs the bpe-encode spec must catch. */
final class BpeEncodeBugs {
    private BpeEncodeBugs() {}

    /** Merges the pair that occurs most often in the word, instead of the pair of lowest rank. */
    static final class MostFrequentPairInWordFirst extends BpeEncodeReference {
        @Override
        protected int choose(List<String> symbols, Map<List<String>, Integer> ranks) {
            Map<List<String>, Integer> n = new HashMap<>();
            int best = -1;
            for (int i = 0; i + 1 < symbols.size(); i++) {
                List<String> p = List.of(symbols.get(i), symbols.get(i + 1));
                if (!ranks.containsKey(p)) continue;
                n.merge(p, 1, Integer::sum);
                if (best < 0 || n.get(p) > n.get(List.of(symbols.get(best), symbols.get(best + 1)))) best = i;
            }
            return best;
        }
    }

    /** Merges the leftmost mergeable pair, whatever its rank. */
    static final class LeftmostPairFirst extends BpeEncodeReference {
        @Override
        protected int choose(List<String> symbols, Map<List<String>, Integer> ranks) {
            for (int i = 0; i + 1 < symbols.size(); i++) {
                if (ranks.containsKey(List.of(symbols.get(i), symbols.get(i + 1)))) return i;
            }
            return -1;
        }
    }

    /** Reads the rank backwards: merges the pair of highest rank first. */
    static final class HighestRankFirst extends BpeEncodeReference {
        @Override
        protected int choose(List<String> symbols, Map<List<String>, Integer> ranks) {
            int best = -1;
            int bestRank = -1;
            for (int i = 0; i + 1 < symbols.size(); i++) {
                Integer r = ranks.get(List.of(symbols.get(i), symbols.get(i + 1)));
                if (r != null && r > bestRank) {
                    best = i;
                    bestRank = r;
                }
            }
            return best;
        }
    }

    /** Applies every merge once, in rank order, in a single pass: misses pairs formed later by a lower-ranked merge. */
    static final class OnePassOverTheMerges extends BpeEncodeReference {
        @Override
        public String[] encode(String word, String[][] merges) {
            List<String> symbols = BpeTrainReference.characters(word);
            for (String[] m : merges) symbols = BpeTrainReference.merge(symbols, m[0], m[1]);
            return symbols.toArray(new String[0]);
        }
    }
}
