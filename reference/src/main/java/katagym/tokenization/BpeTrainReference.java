package katagym.tokenization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class BpeTrainReference implements BpeTrain {

    /** The symbols of a word before any merge: its code points. */
    static List<String> characters(String word) {
        List<String> out = new ArrayList<>();
        word.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        return out;
    }

    /** The initial symbols of a word in training: its code points. */
    protected List<String> symbols(String word) {
        return characters(word);
    }

    /** Replaces each non-overlapping occurrence of (left, right), scanning left to right. */
    static List<String> merge(List<String> symbols, String left, String right) {
        List<String> out = new ArrayList<>(symbols.size());
        for (int i = 0; i < symbols.size(); i++) {
            if (i + 1 < symbols.size() && symbols.get(i).equals(left) && symbols.get(i + 1).equals(right)) {
                out.add(left + right);
                i++;
            } else {
                out.add(symbols.get(i));
            }
        }
        return out;
    }

    /** The frequency of every adjacent pair, weighted by word counts. */
    protected Map<List<String>, Long> pairCounts(List<List<String>> words, int[] counts) {
        Map<List<String>, Long> freq = new HashMap<>();
        for (int w = 0; w < words.size(); w++) {
            List<String> s = words.get(w);
            for (int i = 0; i + 1 < s.size(); i++) freq.merge(List.of(s.get(i), s.get(i + 1)), (long) counts[w], Long::sum);
        }
        return freq;
    }

    /** True when pair a should be merged before pair b (higher frequency, then smaller pair). */
    protected boolean better(List<String> a, long fa, List<String> b, long fb) {
        if (fa != fb) return fa > fb;
        int c = a.get(0).compareTo(b.get(0));
        if (c != 0) return c < 0;
        return a.get(1).compareTo(b.get(1)) < 0;
    }

    @Override
    public String[][] train(String[] words, int[] counts, int numMerges) {
        List<List<String>> segs = new ArrayList<>();
        for (String w : words) segs.add(symbols(w));
        List<String[]> merges = new ArrayList<>();
        while (merges.size() < numMerges) {
            Map<List<String>, Long> freq = pairCounts(segs, counts);
            List<String> best = null;
            long bestFreq = 0;
            for (Map.Entry<List<String>, Long> e : freq.entrySet()) {
                if (best == null || better(e.getKey(), e.getValue(), best, bestFreq)) {
                    best = e.getKey();
                    bestFreq = e.getValue();
                }
            }
            if (best == null) break;
            for (int w = 0; w < segs.size(); w++) segs.set(w, merge(segs.get(w), best.get(0), best.get(1)));
            merges.add(new String[] {best.get(0), best.get(1)});
        }
        return merges.toArray(new String[0][]);
    }
}
