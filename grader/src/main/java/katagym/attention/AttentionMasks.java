package katagym.attention;

import katagym.grader.spec.Clause;

/**
 * Boolean attention masks, {@code allowed[i][j]} = query i may attend to key j, shape {@code [n][n]}.
 * Kata {@code attention-masks}.
 */
@Clause(id = "newArray", value = "Every mask is a new [n][n] array: never one returned earlier (no cache of masks shared with callers); n = 0 gives an empty mask.")
public interface AttentionMasks {

    /** Causal: {@code allowed[i][j] = j <= i}. {@code n >= 0}. */
    @Clause(id = "causalValue", value = "causal(n)[i][j] = j <= i.")
    boolean[][] causal(int n);

    /**
     * Causal sliding window of width {@code w >= 1} (each query sees itself and the {@code w - 1}
     * tokens before it, as in Longformer/Mistral local attention): {@code allowed[i][j] = i - w < j <= i}.
     */
    @Clause(id = "windowValue", value = "slidingWindow(n, w)[i][j] = i - w < j <= i: the query itself and the w - 1 tokens before it, for any w >= 1 (w > n included).")
    boolean[][] slidingWindow(int n, int w);

    /**
     * The Sparse Transformer's strided pattern (Child et al. 2019) with stride {@code l >= 1}, both
     * heads merged into one mask: the previous l positions ({@code i - l < j <= i}) or every l-th
     * position back ({@code j <= i} and {@code (i - j) % l == 0}).
     */
    @Clause(id = "stridedValue", value = "strided(n, l)[i][j] = j <= i and (i - j < l or (i - j) % l == 0), for any l >= 1.")
    boolean[][] strided(int n, int l);

    /**
     * The number of allowed pairs of {@code slidingWindow(n, w)} without building it, in O(1):
     * exact for any {@code n >= 0, w >= 1} up to 2^31 each (2^31 itself included).
     */
    @Clause(id = "pairsValue", value = "slidingWindowPairs(n, w) is the number of true entries of slidingWindow(n, w).")
    @Clause(id = "pairsExactToTwoToThe31", value = "slidingWindowPairs is exact for every n in [0, 2^31] and w in [1, 2^31], both bounds included.")
    @Clause(id = "pairsConstantTime", value = "slidingWindowPairs runs in O(1): it never builds the mask or loops over the rows.")
    long slidingWindowPairs(long n, long w);
}
