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

    /** Builds the rank map with put: a pair listed twice gets its LAST rank, not its first. */
    static final class LastRankOfADuplicatedPair extends BpeEncodeReference {
        @Override
        protected Map<List<String>, Integer> ranks(String[][] merges) {
            Map<List<String>, Integer> ranks = new java.util.HashMap<>();
            for (int r = 0; r < merges.length; r++) ranks.put(List.of(merges[r][0], merges[r][1]), r);
            return ranks;
        }
    }

    /** Starts from the word's Java chars (UTF-16 units): an emoji is two symbols, and tokens can split it. */
    static final class SplitsIntoUtf16Chars extends BpeEncodeReference {
        @Override
        protected List<String> symbols(String word) {
            List<String> out = new java.util.ArrayList<>();
            for (char ch : word.toCharArray()) out.add(String.valueOf(ch));
            return out;
        }
    }

    /** Merges only the leftmost occurrence of the best pair per round, so a lower-ranked pair it creates can steal the next occurrence. */
    static final class MergesOneOccurrencePerRound extends BpeEncodeReference {
        @Override
        public String[] encode(String word, String[][] merges) {
            Map<List<String>, Integer> ranks = ranks(merges);
            List<String> symbols = new java.util.ArrayList<>(symbols(word));
            while (symbols.size() > 1) {
                int i = choose(symbols, ranks);
                if (i < 0) break;
                symbols.set(i, symbols.get(i) + symbols.get(i + 1));
                symbols.remove(i + 1);
            }
            return symbols.toArray(new String[0]);
        }
    }
}
