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

    /** Splits words into Java chars (UTF-16 units): an emoji becomes two half-symbols and pairs form inside it. */
    static final class SplitsIntoUtf16Chars extends BpeTrainReference {
        @Override
        protected List<String> symbols(String word) {
            List<String> out = new java.util.ArrayList<>();
            for (char ch : word.toCharArray()) out.add(String.valueOf(ch));
            return out;
        }
    }

    /** Breaks ties by comparing the concatenations left + right: (a, c) and (ab, a) compare as "ac" vs "aba". */
    static final class TiesByConcatenation extends BpeTrainReference {
        @Override
        protected boolean better(List<String> a, long fa, List<String> b, long fb) {
            if (fa != fb) return fa > fb;
            return (a.get(0) + a.get(1)).compareTo(b.get(0) + b.get(1)) < 0;
        }
    }

    /** Stops when the best pair occurs only once ("nothing left worth merging"), though pairs remain. */
    static final class StopsWhenTheBestPairIsUnique extends BpeTrainReference {
        @Override
        public String[][] train(String[] words, int[] counts, int numMerges) {
            String[][] all = super.train(words, counts, numMerges);
            List<List<String>> segs = new java.util.ArrayList<>();
            for (String w : words) segs.add(characters(w));
            for (int r = 0; r < all.length; r++) {
                Map<List<String>, Long> freq = pairCounts(segs, counts);
                if (freq.getOrDefault(List.of(all[r][0], all[r][1]), 0L) < 2) return java.util.Arrays.copyOf(all, r);
                for (int w = 0; w < segs.size(); w++) segs.set(w, merge(segs.get(w), all[r][0], all[r][1]));
            }
            return all;
        }
    }

    /** Compares tied symbols by code point instead of String.compareTo: U+FF01 and an emoji swap order. */
    static final class TiesByCodePointOrder extends BpeTrainReference {
        @Override
        protected boolean better(List<String> a, long fa, List<String> b, long fb) {
            if (fa != fb) return fa > fb;
            int c = compareCodePoints(a.get(0), b.get(0));
            if (c != 0) return c < 0;
            return compareCodePoints(a.get(1), b.get(1)) < 0;
        }

        private static int compareCodePoints(String x, String y) {
            int[] a = x.codePoints().toArray(), b = y.codePoints().toArray();
            for (int i = 0; i < Math.min(a.length, b.length); i++) if (a[i] != b[i]) return Integer.compare(a[i], b[i]);
            return Integer.compare(a.length, b.length);
        }
    }
}
