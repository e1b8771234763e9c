package katagym.tokenization;

import katagym.grader.spec.Clause;

/**
 * BERT's WordPiece tokenizer ({@code WordpieceTokenizer.tokenize}): greedy longest-match-first.
 * Kata {@code wordpiece}.
 *
 * <p>The text is split into words at whitespace ({@link Character#isWhitespace}; leading, trailing
 * and repeated whitespace make no empty words). Each word is tokenized on its own:
 * <ul>
 *   <li>a word of more than {@link #MAX_CHARS_PER_WORD} characters (code points) becomes {@link #UNK};</li>
 *   <li>otherwise, from {@code start = 0}: take the longest substring {@code word[start, end)} that is in
 *       the vocabulary, written {@code "##" + substring} when {@code start > 0}; emit it and continue from
 *       {@code end};</li>
 *   <li>if at some {@code start} no substring is in the vocabulary, the whole word becomes the single
 *       token {@link #UNK} (pieces already found for that word are discarded).</li>
 * </ul>
 */
@Clause(id = "whitespaceSplit", value = "Words are split at every character for which Character.isWhitespace is true (tab, newline, em space, ideographic space, ...), never at the no-break space U+00A0; no empty words.")
@Clause(id = "longestMatchFirst", value = "From each start the longest substring in the vocabulary is taken, written ## + substring after the word's first piece.")
@Clause(id = "unknownWord", value = "If some start has no match, the whole word is the single token [UNK] (its pieces are discarded).")
@Clause(id = "maxChars", value = "A word of more than 100 code points (not UTF-16 units) is [UNK]; one of exactly 100 is tokenized.")
@Clause(id = "vocabOnly", value = "Every token is in the vocabulary or is [UNK]; pieces are never empty.")
@Clause(id = "pure", value = "tokenize returns a new array and does not modify vocab.")
public interface Wordpiece {
    String UNK = "[UNK]";
    int MAX_CHARS_PER_WORD = 100;

    /**
     * @param text any text
     * @param vocab the vocabulary; continuation pieces are stored with their {@code "##"} prefix
     * @return the tokens of all words, in order. Must not modify {@code vocab}.
     */
    String[] tokenize(String text, String[] vocab);
}
