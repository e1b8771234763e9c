package katagym.attention;

/** Plausible learner bugs the attention-masks spec must catch. */
final class AttentionMasksBugs {
    private AttentionMasksBugs() {}

    /** The causal mask is shifted by one: query i also sees the next token i + 1. */
    static final class CausalSeesTheNextToken extends AttentionMasksReference {
        @Override
        public boolean[][] causal(int n) {
            boolean[][] m = new boolean[n][n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= Math.min(i + 1, n - 1); j++) m[i][j] = true;
            return m;
        }
    }

    /** Off by one: i - j <= w lets every query see w + 1 keys. */
    static final class WindowOneTooWide extends AttentionMasksReference {
        @Override
        public boolean[][] slidingWindow(int n, int w) {
            boolean[][] m = new boolean[n][n];
            for (int i = 0; i < n; i++)
                for (int j = Math.max(0, i - w); j <= i; j++) m[i][j] = true;
            return m;
        }
    }

    /** Takes the strided head as absolute positions j % l == 0 (the "fixed" pattern) instead of i - j. */
    static final class StridedOnAbsolutePositions extends AttentionMasksReference {
        @Override
        public boolean[][] strided(int n, int l) {
            boolean[][] m = new boolean[n][n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= i; j++) m[i][j] = i - j < l || j % l == 0;
            return m;
        }
    }

    /** Computes the pair count in int arithmetic: n * w overflows for long sequences. */
    static final class PairCountOverflowsInt extends AttentionMasksReference {
        @Override
        public long slidingWindowPairs(long n, long w) {
            int ni = (int) n, wi = (int) w;
            if (ni <= wi) return ni * (ni + 1) / 2;
            return ni * wi - wi * (wi - 1) / 2;
        }
    }

    /** Masks never change, so it caches one per length and hands out the same array: a caller's edit corrupts every later mask. */
    static final class CachesMasksPerLength extends AttentionMasksReference {
        private final java.util.Map<Integer, boolean[][]> cache = new java.util.HashMap<>();

        @Override
        public boolean[][] causal(int n) {
            return cache.computeIfAbsent(n, super::causal);
        }
    }

    /** Stores n and w in int variables before the long arithmetic: n = 2^31 (allowed) wraps to a negative length. */
    static final class ParametersNarrowedToInt extends AttentionMasksReference {
        @Override
        public long slidingWindowPairs(long n, long w) {
            int ni = (int) n, wi = (int) w;
            return super.slidingWindowPairs(ni, wi);
        }
    }

    /** Computes the count in double: n * w is near 2^62 for long sequences, beyond a double's 53 exact bits. */
    static final class PairCountInDouble extends AttentionMasksReference {
        @Override
        public long slidingWindowPairs(long n, long w) {
            double dn = n, dw = w;
            if (n <= w) return (long) (dn * (dn + 1) / 2);
            return (long) (dn * dw - dw * (dw - 1) / 2);
        }
    }
}
