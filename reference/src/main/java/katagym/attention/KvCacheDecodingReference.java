package katagym.attention;

public class KvCacheDecodingReference implements KvCacheDecoding {

    @Override
    public void append(Cache cache, double[] k, double[] v) {
        int t = cache.length();
        System.arraycopy(k, 0, cache.keys()[t], 0, k.length);
        System.arraycopy(v, 0, cache.values()[t], 0, v.length);
        cache.setLength(t + 1);
    }

    /** How many cached rows attention runs over. */
    protected int visibleRows(Cache cache) {
        return cache.length();
    }

    @Override
    public double[] attend(Cache cache, double[] q) {
        int len = visibleRows(cache);
        double[][] keys = cache.keys(), values = cache.values();
        double scale = 1 / Math.sqrt(q.length);
        double[] s = new double[len];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < len; j++) {
            double dot = 0;
            for (int c = 0; c < q.length; c++) dot += q[c] * keys[j][c];
            s[j] = dot * scale;
            max = Math.max(max, s[j]);
        }
        double sum = 0;
        for (int j = 0; j < len; j++) {
            s[j] = Math.exp(s[j] - max);
            sum += s[j];
        }
        double[] out = new double[values[0].length];
        for (int j = 0; j < len; j++)
            for (int c = 0; c < out.length; c++) out[c] += s[j] / sum * values[j][c];
        return out;
    }

    @Override
    public double[] step(Cache cache, double[] q, double[] k, double[] v) {
        append(cache, k, v);
        return attend(cache, q);
    }

    @Override
    public double[][] decode(double[][] q, double[][] k, double[][] v) {
        int n = q.length;
        Cache cache = new Cache(n, k[0].length, v[0].length);
        double[][] out = new double[n][];
        for (int t = 0; t < n; t++) out[t] = step(cache, q[t], k[t], v[t]);
        return out;
    }
}
