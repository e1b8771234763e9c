package katagym.attention;

/** Plausible learner bugs the kv-cache-decoding spec must catch. */
final class KvCacheDecodingBugs {
    private KvCacheDecodingBugs() {}

    /** Attends before appending the current token: a token never sees itself (and the first sees nothing). */
    static final class AttendsBeforeAppending extends KvCacheDecodingReference {
        @Override
        public double[] step(Cache cache, double[] q, double[] k, double[] v) {
            double[] out = attend(cache, q);
            append(cache, k, v);
            return out;
        }
    }

    /** Stores the caller's arrays in the cache instead of copying them: a reused buffer rewrites history. */
    static final class StoresTheCallersArrays extends KvCacheDecodingReference {
        @Override
        public void append(Cache cache, double[] k, double[] v) {
            int t = cache.length();
            cache.keys()[t] = k;
            cache.values()[t] = v;
            cache.setLength(t + 1);
        }
    }

    /** Attends over the whole preallocated capacity, unused zero rows included. */
    static final class AttendsToTheWholeCapacity extends KvCacheDecodingReference {
        @Override
        protected int visibleRows(Cache cache) {
            return cache.capacity();
        }
    }

    /** Exponentiates the raw scores without subtracting their maximum: exp overflows once a score passes about 709. */
    static final class SoftmaxWithoutMaxSubtraction extends KvCacheDecodingReference {
        @Override
        public double[] attend(Cache cache, double[] q) {
            int len = cache.length();
            double[] e = new double[len], out = new double[cache.values()[0].length];
            double sum = 0;
            for (int j = 0; j < len; j++) {
                double dot = 0;
                for (int c = 0; c < q.length; c++) dot += q[c] * cache.keys()[j][c];
                e[j] = Math.exp(dot / Math.sqrt(q.length));
                sum += e[j];
            }
            for (int j = 0; j < len; j++)
                for (int c = 0; c < out.length; c++) out[c] += e[j] / sum * cache.values()[j][c];
            return out;
        }
    }
}
