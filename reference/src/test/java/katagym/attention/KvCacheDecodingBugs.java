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
}
