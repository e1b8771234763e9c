package katagym.tokenization;

import katagym.NotImplementedYet;

/**
 * Kata {@code bpe-encode}: tokenize a word with learned BPE merges, lowest rank first (GPT-2's {@code bpe()}).
 * Statement: katas/src/main/resources/statements/bpe-encode.md ({@code ./kata show bpe-encode}).
 */
public final class BpeEncodeKata implements BpeEncode {

    /**
     * Starts from the characters of {@code word}; while an adjacent pair is in {@code merges}, merges
     * every non-overlapping occurrence (left to right) of the present pair of lowest rank (rank = index
     * in {@code merges}). Returns the tokens; must not modify {@code merges}.
     */
    @Override
    public String[] encode(String word, String[][] merges) {
        throw new NotImplementedYet("BpeEncodeKata.encode");
    }
}
