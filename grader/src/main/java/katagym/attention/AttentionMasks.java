package katagym.attention;

/**
 * Boolean attention masks, {@code allowed[i][j]} = query i may attend to key j, shape {@code [n][n]}.
 * Kata {@code attention-masks}.
 */
public interface AttentionMasks {

    /** Causal: {@code allowed[i][j] = j <= i}. {@code n >= 0}. */
    boolean[][] causal(int n);

    /**
     * Causal sliding window of width {@code w >= 1} (each query sees itself and the {@code w - 1}
     * tokens before it, as in Longformer/Mistral local attention): {@code allowed[i][j] = i - w < j <= i}.
     */
    boolean[][] slidingWindow(int n, int w);

    /**
     * The Sparse Transformer's strided pattern (Child et al. 2019) with stride {@code l >= 1}, both
     * heads merged into one mask: the previous l positions ({@code i - l < j <= i}) or every l-th
     * position back ({@code j <= i} and {@code (i - j) % l == 0}).
     */
    boolean[][] strided(int n, int l);

    /**
     * The number of allowed pairs of {@code slidingWindow(n, w)} without building it, in O(1):
     * exact for any {@code n >= 0, w >= 1} up to 2^31 each.
     */
    long slidingWindowPairs(long n, long w);
}
