package katagym.attention;

import katagym.grader.spec.Clause;

/**
 * Incremental causal attention for one head with a preallocated key/value cache. Kata
 * {@code kv-cache-decoding}. Keys and queries have dk entries, values dv; the scale is 1/sqrt(dk).
 */
@Clause(id = "newArrays", value = "attend, step and decode return new arrays: never v, a row of the cache, or a buffer reused between calls; decode modifies none of its arguments.")
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
    @Clause(id = "appendCopies", value = "append copies k and v into row length() of the cache and increments the length; the cache keeps no reference to the caller's arrays.")
    void append(Cache cache, double[] k, double[] v);

    /**
     * {@code softmax(q K^T / sqrt(dk)) V} over the cached rows {@code 0 .. length()-1} only, a new
     * array of dv entries. The cache is not changed; length() >= 1. The rows from length() on are
     * ignored whatever they hold (zeros, or stale data after the length was set back).
     */
    @Clause(id = "attendValue", value = "attend(cache, q) = softmax(q K^T / sqrt(dk)) V over the cached rows 0 .. length()-1 only, with dk = q.length (dk and dv may differ).")
    @Clause(id = "attendIgnoresUnusedRows", value = "Rows from length() on are ignored whatever they hold: zeros, or stale data left after the length was set back; an all-zero key inside the length is a real key.")
    @Clause(id = "attendPure", value = "attend changes neither the cache (rows or length) nor q.")
    @Clause(id = "stable", value = "attend, step and decode are finite and accurate for scores of magnitude 1e3.")
    double[] attend(Cache cache, double[] q);

    /** One decoding step: append this token's {@code k}, {@code v}, then attend its query {@code q}. */
    @Clause(id = "stepOrder", value = "step appends this token's k and v first, then attends its q: token t sees tokens 0..t, itself included.")
    double[] step(Cache cache, double[] q, double[] k, double[] v);

    /**
     * Decodes a whole sequence ({@code q[n][dk]}, {@code k[n][dk]}, {@code v[n][dv]}) token by token with
     * a fresh cache of capacity n, returning the n outputs {@code [n][dv]}: equal to full causal attention.
     */
    @Clause(id = "decodeValue", value = "decode(q, k, v) equals full causal attention softmax(q k^T / sqrt(dk) + mask) v, shape [n][dv].")
    double[][] decode(double[][] q, double[][] k, double[][] v);
}
