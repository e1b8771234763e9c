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

    /** attend refills one output array kept in a field (decode copies each row, so decode still looks right). */
    static final class AttendReusesItsOutputBuffer extends KvCacheDecodingReference {
        private double[] buffer = new double[0];

        @Override
        public double[] attend(Cache cache, double[] q) {
            double[] out = super.attend(cache, q);
            if (buffer.length != out.length) buffer = new double[out.length];
            System.arraycopy(out, 0, buffer, 0, out.length);
            return buffer;
        }

        @Override
        public double[][] decode(double[][] q, double[][] k, double[][] v) {
            Cache cache = new Cache(q.length, k[0].length, v[0].length);
            double[][] out = new double[q.length][];
            for (int t = 0; t < q.length; t++) out[t] = step(cache, q[t], k[t], v[t]).clone();
            return out;
        }
    }

    /** "One token: its weight is 1", so the first step returns the caller's v array itself. */
    static final class FirstStepReturnsTheValueItself extends KvCacheDecodingReference {
        @Override
        public double[] step(Cache cache, double[] q, double[] k, double[] v) {
            append(cache, k, v);
            return cache.length() == 1 ? v : attend(cache, q);
        }
    }

    /** Loops over the whole capacity and skips all-zero rows as "unused": stale rows count, and a real all-zero key is dropped. */
    static final class SkipsZeroRowsInsteadOfUsingTheLength extends KvCacheDecodingReference {
        @Override
        public double[] attend(Cache cache, double[] q) {
            double[][] keys = cache.keys(), values = cache.values();
            double scale = 1 / Math.sqrt(q.length);
            java.util.List<Integer> rows = new java.util.ArrayList<>();
            for (int j = 0; j < cache.capacity(); j++) {
                boolean zero = true;
                for (double x : keys[j]) zero &= x == 0;
                if (!zero) rows.add(j);
            }
            if (rows.isEmpty()) rows.add(0);
            double max = Double.NEGATIVE_INFINITY;
            double[] s = new double[rows.size()];
            for (int r = 0; r < s.length; r++) {
                double dot = 0;
                for (int c = 0; c < q.length; c++) dot += q[c] * keys[rows.get(r)][c];
                s[r] = dot * scale;
                max = Math.max(max, s[r]);
            }
            double sum = 0;
            for (int r = 0; r < s.length; r++) { s[r] = Math.exp(s[r] - max); sum += s[r]; }
            double[] out = new double[values[0].length];
            for (int r = 0; r < s.length; r++) for (int c = 0; c < out.length; c++) out[c] += s[r] / sum * values[rows.get(r)][c];
            return out;
        }
    }
}
