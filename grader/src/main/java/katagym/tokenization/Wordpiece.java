package katagym.tokenization;

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
