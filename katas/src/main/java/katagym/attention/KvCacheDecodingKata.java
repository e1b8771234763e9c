package katagym.attention;

import katagym.NotImplementedYet;

/**
 * Kata {@code kv-cache-decoding}: incremental causal attention with a key/value cache.
 * Statement: katas/src/main/resources/statements/kv-cache-decoding.md ({@code ./kata show kv-cache-decoding}).
 */
public final class KvCacheDecodingKata implements KvCacheDecoding {

    /** Copies k and v into row {@code cache.length()} of the backing arrays, then increments the length. */
    @Override
    public void append(Cache cache, double[] k, double[] v) {
        throw new NotImplementedYet("KvCacheDecodingKata.append");
    }

    /** Returns {@code softmax(q K^T / sqrt(dk)) V} over the rows {@code 0 .. cache.length()-1} only. */
    @Override
    public double[] attend(Cache cache, double[] q) {
        throw new NotImplementedYet("KvCacheDecodingKata.attend");
    }

    /** Appends this token's k and v, then attends its q: the token sees itself. */
    @Override
    public double[] step(Cache cache, double[] q, double[] k, double[] v) {
        throw new NotImplementedYet("KvCacheDecodingKata.step");
    }

    /** Returns the n outputs of stepping through the sequence with a fresh cache of capacity n. */
    @Override
    public double[][] decode(double[][] q, double[][] k, double[][] v) {
        throw new NotImplementedYet("KvCacheDecodingKata.decode");
    }
}
