package katagym.attention;

/** Correct solutions written unlike the reference: the spec must accept them on every seed. */
final class KvCacheDecodingAlternatives {
    private KvCacheDecodingAlternatives() {}

    /** attend in one pass with an online softmax (the running sum is rescaled when the maximum grows); append clones rows. */
    static final class OnlineSoftmaxAttend implements KvCacheDecoding {
        @Override
        public void append(Cache cache, double[] k, double[] v) {
            int t = cache.length();
            for (int c = 0; c < k.length; c++) cache.keys()[t][c] = k[c];
            for (int c = 0; c < v.length; c++) cache.values()[t][c] = v[c];
            cache.setLength(t + 1);
        }

        @Override
        public double[] attend(Cache cache, double[] q) {
            int dv = cache.values()[0].length;
            double[] acc = new double[dv];
            double max = Double.NEGATIVE_INFINITY, sum = 0, scale = Math.sqrt(q.length);
            for (int j = 0; j < cache.length(); j++) {
                double s = 0;
                for (int c = 0; c < q.length; c++) s += q[c] * cache.keys()[j][c];
                s /= scale;
                if (s > max) {
                    double r = Math.exp(max - s);
                    sum *= r;
                    for (int c = 0; c < dv; c++) acc[c] *= r;
                    max = s;
                }
                double e = Math.exp(s - max);
                sum += e;
                for (int c = 0; c < dv; c++) acc[c] += e * cache.values()[j][c];
            }
            for (int c = 0; c < dv; c++) acc[c] /= sum;
            return acc;
        }

        @Override
        public double[] step(Cache cache, double[] q, double[] k, double[] v) {
            append(cache, k, v);
            return attend(cache, q);
        }

        @Override
        public double[][] decode(double[][] q, double[][] k, double[][] v) {
            Cache cache = new Cache(q.length, k[0].length, v[0].length);
            double[][] out = new double[q.length][];
            for (int t = 0; t < q.length; t++) out[t] = step(cache, q[t], k[t], v[t]);
            return out;
        }
    }
}
