package katagym.tokenization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plausible learner bugs the bpe-train spec must catch. */
final class BpeTrainBugs {
    private BpeTrainBugs() {}

    /** Takes the minimum instead of the maximum: merges the rarest pair. */
    static final class MergesRarestPair extends BpeTrainReference {
        @Override
        protected boolean better(List<String> a, long fa, List<String> b, long fb) {
            if (fa != fb) return fa < fb;
            return super.better(a, fa, b, fb);
        }
    }

    /** Breaks frequency ties toward the lexicographically largest pair. */
    static final class TiesToLargestPair extends BpeTrainReference {
        @Override
        protected boolean better(List<String> a, long fa, List<String> b, long fb) {
            if (fa != fb) return fa > fb;
            return !a.equals(b) && !super.better(a, fa, b, fb);
        }
    }

    /** Counts each pair once per word, forgetting to weight it by the word's frequency. */
    static final class IgnoresWordCounts extends BpeTrainReference {
        @Override
        protected Map<List<String>, Long> pairCounts(List<List<String>> words, int[] counts) {
            int[] ones = new int[counts.length];
            java.util.Arrays.fill(ones, 1);
            return super.pairCounts(words, ones);
        }
    }

    /** Keeps the first pair met among equally frequent ones, so ties follow the corpus order. */
    static final class TiesByFirstSeen extends BpeTrainReference {
        @Override
        protected Map<List<String>, Long> pairCounts(List<List<String>> words, int[] counts) {
            Map<List<String>, Long> freq = new LinkedHashMap<>();
            for (int w = 0; w < words.size(); w++) {
                List<String> s = words.get(w);
                for (int i = 0; i + 1 < s.size(); i++) freq.merge(List.of(s.get(i), s.get(i + 1)), (long) counts[w], Long::sum);
            }
            return freq;
        }

        @Override
        protected boolean better(List<String> a, long fa, List<String> b, long fb) {
            return fa > fb;
        }
    }
}
