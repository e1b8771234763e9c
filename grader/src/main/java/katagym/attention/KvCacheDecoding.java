package katagym.attention;

/**
 * Incremental causal attention for one head with a preallocated key/value cache. Kata
 * {@code kv-cache-decoding}. Keys and queries have dk entries, values dv; the scale is 1/sqrt(dk).
 */
public interface KvCacheDecoding {

    /**
     * A preallocated cache (given, not part of the kata): {@code keys()[capacity][dk]} and
     * {@code values()[capacity][dv]}, of which rows {@code 0 .. length()-1} hold the tokens so far.
     * The rows from {@code length()} on are unused (zeros, or stale data).
     */
    final class Cache {
        private final double[][] keys;
        private final double[][] values;
        private int length;

        public Cache(int capacity, int dk, int dv) {
            this.keys = new double[capacity][dk];
            this.values = new double[capacity][dv];
        }

        public int capacity() { return keys.length; }

        public int length() { return length; }

        /** The backing array: write row {@code length()} to append, then call {@link #setLength}. */
        public double[][] keys() { return keys; }

        /** The backing array of the values, like {@link #keys()}. */
        public double[][] values() { return values; }

        public void setLength(int length) {
            if (length < 0 || length > keys.length) {
                throw new IllegalArgumentException("length " + length + " outside [0, " + keys.length + "]");
            }
            this.length = length;
        }
    }

    /**
     * Copies {@code k} and {@code v} into row {@code length()} of the cache and increments the length.
     * The cache must not keep references to the caller's arrays (callers reuse their buffers).
     */
    void append(Cache cache, double[] k, double[] v);

    /**
     * {@code softmax(q K^T / sqrt(dk)) V} over the cached rows {@code 0 .. length()-1} only, a new
     * array of dv entries. The cache is not changed; length() >= 1.
     */
    double[] attend(Cache cache, double[] q);

    /** One decoding step: append this token's {@code k}, {@code v}, then attend its query {@code q}. */
    double[] step(Cache cache, double[] q, double[] k, double[] v);

    /**
     * Decodes a whole sequence ({@code q[n][dk]}, {@code k[n][dk]}, {@code v[n][dv]}) token by token with
     * a fresh cache of capacity n, returning the n outputs {@code [n][dv]}: equal to full causal attention.
     */
    double[][] decode(double[][] q, double[][] k, double[][] v);
}
