package katagym.tokenization;

import katagym.NotImplementedYet;

/**
 * Kata {@code wordpiece}: BERT's greedy longest-match-first WordPiece tokenizer.
 * Statement: katas/src/main/resources/statements/wordpiece.md ({@code ./kata show wordpiece}).
 */
public final class WordpieceKata implements Wordpiece {

    /**
     * Splits {@code text} at whitespace; tokenizes each word greedily, longest vocabulary piece first,
     * pieces after the first looked up and emitted as {@code "##" + piece}; a word longer than
     * {@link #MAX_CHARS_PER_WORD} characters, or with a position where nothing matches, becomes the
     * single token {@link #UNK}. Must not modify {@code vocab}.
     */
    @Override
    public String[] tokenize(String text, String[] vocab) {
        throw new NotImplementedYet("WordpieceKata.tokenize");
    }
}
