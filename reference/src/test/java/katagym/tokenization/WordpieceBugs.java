package katagym.tokenization;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Plausible learner bugs the wordpiece spec must catch. */
final class WordpieceBugs {
    private WordpieceBugs() {}

    /** Forgets the "##" prefix: looks continuation pieces up, and emits them, bare. */
    static final class NoContinuationPrefix extends WordpieceReference {
        @Override
        protected List<String> tokenizeWord(String word, Set<String> vocab) {
            if (word.codePointCount(0, word.length()) > MAX_CHARS_PER_WORD) return List.of(UNK);
            List<String> pieces = new ArrayList<>();
            int start = 0;
            while (start < word.length()) {
                int end = word.length();
                while (end > start && !vocab.contains(word.substring(start, end))) end--;
                if (end == start) return List.of(UNK);
                pieces.add(word.substring(start, end));
                start = end;
            }
            return pieces;
        }
    }

    /** Grows each piece from one character and takes the first match: shortest-match-first. */
    static final class ShortestMatchFirst extends WordpieceReference {
        @Override
        protected List<String> tokenizeWord(String word, Set<String> vocab) {
            if (word.codePointCount(0, word.length()) > MAX_CHARS_PER_WORD) return List.of(UNK);
            List<String> pieces = new ArrayList<>();
            int start = 0;
            while (start < word.length()) {
                String found = null;
                int end = start + 1;
                for (; end <= word.length(); end++) {
                    String piece = (start > 0 ? "##" : "") + word.substring(start, end);
                    if (vocab.contains(piece)) { found = piece; break; }
                }
                if (found == null) return List.of(UNK);
                pieces.add(found);
                start = end;
            }
            return pieces;
        }
    }

    /** Keeps the pieces found before the failure and appends [UNK], instead of replacing the whole word. */
    static final class UnkOnlyForTheRest extends WordpieceReference {
        @Override
        protected List<String> tokenizeWord(String word, Set<String> vocab) {
            if (word.codePointCount(0, word.length()) > MAX_CHARS_PER_WORD) return List.of(UNK);
            List<String> pieces = new ArrayList<>();
            int start = 0;
            while (start < word.length()) {
                int end = word.length();
                String found = null;
                for (; end > start; end--) {
                    String piece = (start > 0 ? "##" : "") + word.substring(start, end);
                    if (vocab.contains(piece)) { found = piece; break; }
                }
                if (found == null) { pieces.add(UNK); break; }
                pieces.add(found);
                start = end;
            }
            return pieces;
        }
    }

    /** Off by one on the length limit: a word of exactly 100 characters becomes [UNK]. */
    static final class LengthLimitOffByOne extends WordpieceReference {
        @Override
        protected List<String> tokenizeWord(String word, Set<String> vocab) {
            if (word.codePointCount(0, word.length()) >= MAX_CHARS_PER_WORD) return List.of(UNK);
            return super.tokenizeWord(word, vocab);
        }
    }

    /** Splits with the regex \s+, which knows only ASCII whitespace: an em space or U+3000 stays inside a word. */
    static final class SplitsWithTheAsciiWhitespaceRegex extends WordpieceReference {
        @Override
        public String[] tokenize(String text, String[] vocab) {
            Set<String> v = new java.util.HashSet<>(java.util.Arrays.asList(vocab));
            List<String> out = new ArrayList<>();
            for (String w : text.split("\\s+")) if (!w.isEmpty()) out.addAll(tokenizeWord(w, v));
            return out.toArray(new String[0]);
        }
    }

    /** Measures the 100-character limit with String.length(): 60 emoji are 120 UTF-16 units and become [UNK]. */
    static final class LengthLimitInUtf16Units extends WordpieceReference {
        @Override
        protected List<String> tokenizeWord(String word, Set<String> vocab) {
            if (word.length() > MAX_CHARS_PER_WORD) return List.of(UNK);
            return super.tokenizeWord(word, vocab);
        }
    }

    /** Also splits at the no-break space U+00A0 (Character.isSpaceChar), which Character.isWhitespace keeps inside a word. */
    static final class SplitsAtTheNoBreakSpace extends WordpieceReference {
        @Override
        public String[] tokenize(String text, String[] vocab) {
            return super.tokenize(text.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' '), vocab);
        }
    }
}
