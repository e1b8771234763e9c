package katagym.tokenization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class BpeEncodeReference implements BpeEncode {

    /**
     * Which adjacent pair to merge next: the index i of a pair (symbols[i], symbols[i + 1]) of
     * lowest rank, or -1 when no adjacent pair is a merge.
     */
    protected int choose(List<String> symbols, Map<List<String>, Integer> ranks) {
        int best = -1;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i + 1 < symbols.size(); i++) {
            Integer r = ranks.get(List.of(symbols.get(i), symbols.get(i + 1)));
            if (r != null && r < bestRank) {
                best = i;
                bestRank = r;
            }
        }
        return best;
    }

    /** The rank of each pair: its lowest index in merges. */
    protected Map<List<String>, Integer> ranks(String[][] merges) {
        Map<List<String>, Integer> ranks = new HashMap<>();
        for (int r = 0; r < merges.length; r++) ranks.putIfAbsent(List.of(merges[r][0], merges[r][1]), r);
        return ranks;
    }

    /** The symbols of the word before any merge: its code points. */
    protected List<String> symbols(String word) {
        return BpeTrainReference.characters(word);
    }

    @Override
    public String[] encode(String word, String[][] merges) {
        Map<List<String>, Integer> ranks = ranks(merges);
        List<String> symbols = symbols(word);
        while (symbols.size() > 1) {
            int i = choose(symbols, ranks);
            if (i < 0) break;
            symbols = BpeTrainReference.merge(symbols, symbols.get(i), symbols.get(i + 1));
        }
        return symbols.toArray(new String[0]);
    }
}
