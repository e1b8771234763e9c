package katagym.losses;

public class InfoNceReference implements InfoNce {

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Each row divided by its Euclidean norm (a new array). */
    protected double[][] normalize(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            double norm = Math.sqrt(dot(m[i], m[i]));
            out[i] = new double[m[i].length];
            for (int d = 0; d < out[i].length; d++) out[i][d] = m[i][d] / norm;
        }
        return out;
    }

    /**
     * Back through a = x / |x|: dx = (da - (da . a) a) / |x|, the component of da orthogonal to a,
     * scaled down by the norm (rescaling x does not change a).
     */
    protected double[][] backThroughNormalize(double[][] dUnit, double[][] raw, double[][] unit) {
        double[][] dx = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            double norm = Math.sqrt(dot(raw[i], raw[i]));
            double along = dot(dUnit[i], unit[i]);
            dx[i] = new double[raw[i].length];
            for (int d = 0; d < dx[i].length; d++) dx[i][d] = (dUnit[i][d] - along * unit[i][d]) / norm;
        }
        return dx;
    }

    /** Row-wise log-softmax of the scaled cosine similarities, max-subtracted. */
    static double[][] logSoftmax(double[][] qUnit, double[][] kUnit, double temperature) {
        int n = qUnit.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                out[i][j] = dot(qUnit[i], kUnit[j]) / temperature;
                max = Math.max(max, out[i][j]);
            }
            double sum = 0;
            for (int j = 0; j < n; j++) sum += Math.exp(out[i][j] - max);
            double lse = max + Math.log(sum);
            for (int j = 0; j < n; j++) out[i][j] -= lse;
        }
        return out;
    }

    @Override
    public double loss(double[][] queries, double[][] keys, double temperature) {
        double[][] logp = logSoftmax(normalize(queries), normalize(keys), temperature);
        double sum = 0;
        for (int i = 0; i < logp.length; i++) sum -= logp[i][i];
        return sum / logp.length;
    }

    @Override
    public Gradients gradients(double[][] queries, double[][] keys, double temperature) {
        int n = queries.length, dim = queries[0].length;
        double[][] qUnit = normalize(queries), kUnit = normalize(keys);
        double[][] logp = logSoftmax(qUnit, kUnit, temperature);
        double[][] dqUnit = new double[n][dim], dkUnit = new double[n][dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // d loss / d (qUnit_i . kUnit_j) = (softmax_ij - [i == j]) / (N * temperature)
                double g = (Math.exp(logp[i][j]) - (i == j ? 1 : 0)) / (n * temperature);
                for (int d = 0; d < dim; d++) {
                    dqUnit[i][d] += g * kUnit[j][d];
                    dkUnit[j][d] += g * qUnit[i][d];
                }
            }
        }
        return new Gradients(backThroughNormalize(dqUnit, queries, qUnit), backThroughNormalize(dkUnit, keys, kUnit));
    }
}
