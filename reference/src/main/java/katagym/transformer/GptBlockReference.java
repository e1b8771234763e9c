package katagym.transformer;

public class GptBlockReference implements GptBlock {

    static final double EPS = 1e-5;

    /** LayerNorm of each row: biased variance, eps 1e-5, then gamma * xhat + beta. */
    protected double[][] layerNorm(double[][] x, double[] gamma, double[] beta) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            int d = x[i].length;
            double mean = 0;
            for (double v : x[i]) mean += v;
            mean /= d;
            double var = 0;
            for (double v : x[i]) var += (v - mean) * (v - mean);
            var /= d;
            double inv = 1 / Math.sqrt(var + EPS);
            y[i] = new double[d];
            for (int c = 0; c < d; c++) y[i][c] = gamma[c] * (x[i][c] - mean) * inv + beta[c];
        }
        return y;
    }

    /** GELU, tanh approximation: 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). */
    protected double gelu(double x) {
        return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
    }

    protected boolean allowed(int i, int j) {
        return j <= i;
    }

    protected double scale(int headDim, int d) {
        return 1 / Math.sqrt(headDim);
    }

    static double[][] linear(double[][] x, double[][] w, double[] b) {
        double[][] y = new double[x.length][w.length];
        for (int i = 0; i < x.length; i++)
            for (int o = 0; o < w.length; o++) {
                double s = b[o];
                for (int c = 0; c < w[o].length; c++) s += x[i][c] * w[o][c];
                y[i][o] = s;
            }
        return y;
    }

    /** Causal multi-head attention of the normalised input h[n][d], output projection included. */
    protected double[][] attention(double[][] h, GptBlock.Weights w) {
        int n = h.length, d = h[0].length, heads = w.numHeads(), hd = d / heads;
        double[][] qkv = linear(h, w.wqkv(), w.bqkv());
        double[][] concat = new double[n][d];
        for (int t = 0; t < heads; t++) {
            int qo = t * hd, ko = d + t * hd, vo = 2 * d + t * hd;
            double sc = scale(hd, d);
            for (int i = 0; i < n; i++) {
                double[] s = new double[n];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    if (!allowed(i, j)) { s[j] = Double.NEGATIVE_INFINITY; continue; }
                    double dot = 0;
                    for (int c = 0; c < hd; c++) dot += qkv[i][qo + c] * qkv[j][ko + c];
                    s[j] = dot * sc;
                    max = Math.max(max, s[j]);
                }
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    s[j] = s[j] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(s[j] - max);
                    sum += s[j];
                }
                for (int j = 0; j < n; j++)
                    for (int c = 0; c < hd; c++) concat[i][qo + c] += s[j] / sum * qkv[j][vo + c];
            }
        }
        return linear(concat, w.wo(), w.bo());
    }

    protected double[][] mlp(double[][] h, GptBlock.Weights w) {
        double[][] a = linear(h, w.wfc(), w.bfc());
        for (double[] row : a)
            for (int c = 0; c < row.length; c++) row[c] = gelu(row[c]);
        return linear(a, w.wproj(), w.bproj());
    }

    static double[][] add(double[][] a, double[][] b) {
        double[][] y = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            y[i] = new double[a[i].length];
            for (int c = 0; c < a[i].length; c++) y[i][c] = a[i][c] + b[i][c];
        }
        return y;
    }

    @Override
    public double[][] forward(double[][] x, GptBlock.Weights w) {
        double[][] x1 = add(x, attention(layerNorm(x, w.ln1Gamma(), w.ln1Beta()), w));
        return add(x1, mlp(layerNorm(x1, w.ln2Gamma(), w.ln2Beta()), w));
    }
}
