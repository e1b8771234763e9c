package katagym.attention;

import katagym.NotImplementedYet;

/**
 * Kata {@code attention-masks}: causal, sliding-window and strided boolean masks, and a pair count.
 * Statement: katas/src/main/resources/statements/attention-masks.md ({@code ./kata show attention-masks}).
 */
public final class AttentionMasksKata implements AttentionMasks {

    /** Returns the n x n mask with {@code allowed[i][j] = j <= i}. */
    @Override
    public boolean[][] causal(int n) {
        throw new NotImplementedYet("AttentionMasksKata.causal");
    }

    /** Returns the n x n mask with {@code allowed[i][j] = i - w < j <= i}. */
    @Override
    public boolean[][] slidingWindow(int n, int w) {
        throw new NotImplementedYet("AttentionMasksKata.slidingWindow");
    }

    /** Returns the n x n mask allowing {@code i - l < j <= i}, or {@code j <= i} with {@code (i - j) % l == 0}. */
    @Override
    public boolean[][] strided(int n, int l) {
        throw new NotImplementedYet("AttentionMasksKata.strided");
    }

    /** Returns the number of true entries of {@code slidingWindow(n, w)} in O(1), as a long. */
    @Override
    public long slidingWindowPairs(long n, long w) {
        throw new NotImplementedYet("AttentionMasksKata.slidingWindowPairs");
    }
}
