package katagym.tokenization;

import katagym.NotImplementedYet;

/**
 * Kata {@code bpe-train}: learn byte-pair-encoding merges from a word-frequency corpus.
 * Statement: katas/src/main/resources/statements/bpe-train.md ({@code ./kata show bpe-train}).
 */
public final class BpeTrainKata implements BpeTrain {

    /**
     * Splits each word into its characters, then repeatedly merges the most frequent adjacent pair
     * (pair occurrences weighted by word counts; ties to the lexicographically smallest pair, left
     * symbol first) until {@code numMerges} merges are learned or no word has two symbols left.
     * Returns {@code merges[r] = {left, right}} in the order learned; must not modify its arguments.
     */
    @Override
    public String[][] train(String[] words, int[] counts, int numMerges) {
        throw new NotImplementedYet("BpeTrainKata.train");
    }
}
