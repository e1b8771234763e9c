package katagym.attention;

/** Correct solutions written unlike the reference: the spec must accept them on every seed. */
final class AttentionMasksAlternatives {
    private AttentionMasksAlternatives() {}

    /** Masks from one predicate on the offset d = i - j; the count as (n - w) w + w (w + 1) / 2 once n >= w. */
    static final class OffsetPredicateAndOtherClosedForm implements AttentionMasks {
        private interface Offset { boolean allowed(int d); }

        private static boolean[][] build(int n, Offset p) {
            boolean[][] m = new boolean[n][];
            for (int i = 0; i < n; i++) {
                m[i] = new boolean[n];
                for (int j = 0; j < n; j++) m[i][j] = j <= i && p.allowed(i - j);
            }
            return m;
        }

        @Override
        public boolean[][] causal(int n) { return build(n, d -> true); }

        @Override
        public boolean[][] slidingWindow(int n, int w) { return build(n, d -> d < w); }

        @Override
        public boolean[][] strided(int n, int l) { return build(n, d -> d < l || d % l == 0); }

        @Override
        public long slidingWindowPairs(long n, long w) {
            long full = Math.min(n, w);
            long triangle = full % 2 == 0 ? (full / 2) * (full + 1) : full * ((full + 1) / 2);
            return triangle + (n - full) * w;
        }
    }
}
