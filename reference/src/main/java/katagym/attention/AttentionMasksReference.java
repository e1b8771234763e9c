package katagym.attention;

public class AttentionMasksReference implements AttentionMasks {

    @Override
    public boolean[][] causal(int n) {
        boolean[][] m = new boolean[n][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) m[i][j] = true;
        return m;
    }

    @Override
    public boolean[][] slidingWindow(int n, int w) {
        boolean[][] m = new boolean[n][n];
        for (int i = 0; i < n; i++)
            for (int j = Math.max(0, i - w + 1); j <= i; j++) m[i][j] = true;
        return m;
    }

    @Override
    public boolean[][] strided(int n, int l) {
        boolean[][] m = new boolean[n][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) m[i][j] = i - j < l || (i - j) % l == 0;
        return m;
    }

    /** Rows 0..w-1 allow 1..w keys, every later row allows w: n*w - w(w-1)/2 once n >= w. */
    @Override
    public long slidingWindowPairs(long n, long w) {
        if (n <= w) return n * (n + 1) / 2;
        return n * w - w * (w - 1) / 2;
    }
}
