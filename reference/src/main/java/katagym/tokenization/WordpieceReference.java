package katagym.tokenization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

public class WordpieceReference implements Wordpiece {

    @Override
    public String[] tokenize(String text, String[] vocab) {
        Set<String> v = new HashSet<>(Arrays.asList(vocab));
        List<String> out = new ArrayList<>();
        for (String word : words(text)) out.addAll(tokenizeWord(word, v));
        return out.toArray(new String[0]);
    }

    /** The maximal runs of non-whitespace characters. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp)) {
                if (cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.appendCodePoint(cp);
            }
        });
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }

    /** Greedy longest-match-first over the code points of one word. */
    protected List<String> tokenizeWord(String word, Set<String> vocab) {
        int[] cps = word.codePoints().toArray();
        if (cps.length > MAX_CHARS_PER_WORD) return List.of(UNK);
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < cps.length) {
            String found = null;
            int end = cps.length;
            for (; end > start; end--) {
                String piece = new String(cps, start, end - start);
                if (start > 0) piece = "##" + piece;
                if (vocab.contains(piece)) {
                    found = piece;
                    break;
                }
            }
            if (found == null) return List.of(UNK);
            pieces.add(found);
            start = end;
        }
        return pieces;
    }
}
