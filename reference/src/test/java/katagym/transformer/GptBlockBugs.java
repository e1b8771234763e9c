package katagym.transformer;

/** Plausible learner bugs the gpt-block spec must catch. */
final class GptBlockBugs {
    private GptBlockBugs() {}

    /** The original post-LN block: x1 = LN1(x + attn(x)), y = LN2(x1 + mlp(x1)). */
    static final class PostLn extends GptBlockReference {
        @Override
        public double[][] forward(double[][] x, GptBlock.Weights w) {
            double[][] x1 = layerNorm(add(x, attention(x, w)), w.ln1Gamma(), w.ln1Beta());
            return layerNorm(add(x1, mlp(x1, w)), w.ln2Gamma(), w.ln2Beta());
        }
    }

    /** The exact erf GELU where GPT-2 uses the tanh approximation (differs by up to about 1e-3). */
    static final class ExactGeluInsteadOfTanh extends GptBlockReference {
        @Override
        protected double gelu(double x) {
            return 0.5 * x * (1 + erf(x / Math.sqrt(2)));
        }

        /** erf to about 1e-15 by its Taylor series (|x| < 3) and a continued fraction beyond. */
        static double erf(double x) {
            double ax = Math.abs(x);
            double r;
            if (ax < 3) {
                double term = ax, sum = ax;
                for (int k = 1; k < 100; k++) {
                    term *= -ax * ax / k;
                    double add = term / (2 * k + 1);
                    sum += add;
                    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
                }
                r = 2 / Math.sqrt(Math.PI) * sum;
            } else {
                double f = ax;
                for (int k = 60; k >= 1; k--) f = ax + k / 2.0 / f;
                r = 1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
            }
            return x < 0 ? -r : r;
        }
    }

    /** The causal mask is shifted by one: token i also sees token i + 1. */
    static final class CausalMaskSeesTheNextToken extends GptBlockReference {
        @Override
        protected boolean allowed(int i, int j) {
            return j <= i + 1;
        }
    }

    /** Scales the scores by 1/sqrt(d), the model width, instead of the head width d/h. */
    static final class ScaledBySqrtDModel extends GptBlockReference {
        @Override
        protected double scale(int headDim, int d) {
            return 1 / Math.sqrt(d);
        }
    }

    /** LayerNorm with the unbiased (n - 1) variance. */
    static final class LayerNormUnbiasedVariance extends GptBlockReference {
        @Override
        protected double[][] layerNorm(double[][] x, double[] gamma, double[] beta) {
            double[][] y = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                int d = x[i].length;
                double mean = 0;
                for (double v : x[i]) mean += v;
                mean /= d;
                double var = 0;
                for (double v : x[i]) var += (v - mean) * (v - mean);
                var /= Math.max(1, d - 1);
                y[i] = new double[d];
                for (int c = 0; c < d; c++) y[i][c] = gamma[c] * (x[i][c] - mean) / Math.sqrt(var + EPS) + beta[c];
            }
            return y;
        }
    }

    /** Softmax without subtracting the row maximum: exp(score) overflows to Infinity once a score passes about 709. */
    static final class SoftmaxWithoutMaxSubtraction extends GptBlockReference {
        @Override
        protected double[][] attention(double[][] h, GptBlock.Weights w) {
            int n = h.length, d = h[0].length, heads = w.numHeads(), hd = d / heads;
            double[][] qkv = linear(h, w.wqkv(), w.bqkv());
            double[][] concat = new double[n][d];
            for (int t = 0; t < heads; t++) {
                int qo = t * hd, ko = d + t * hd, vo = 2 * d + t * hd;
                for (int i = 0; i < n; i++) {
                    double[] e = new double[i + 1];
                    double sum = 0;
                    for (int j = 0; j <= i; j++) {
                        double dot = 0;
                        for (int c = 0; c < hd; c++) dot += qkv[i][qo + c] * qkv[j][ko + c];
                        e[j] = Math.exp(dot * scale(hd, d));
                        sum += e[j];
                    }
                    for (int j = 0; j <= i; j++)
                        for (int c = 0; c < hd; c++) concat[i][qo + c] += e[j] / sum * qkv[j][vo + c];
                }
            }
            return linear(concat, w.wo(), w.bo());
        }
    }

    /** Keeps the output matrix in a field and refills it: a second call overwrites the caller's first result. */
    static final class ReusesTheOutputBuffer extends GptBlockReference {
        private double[][] buffer = new double[0][0];

        @Override
        public double[][] forward(double[][] x, GptBlock.Weights w) {
            double[][] y = super.forward(x, w);
            if (buffer.length != y.length || buffer[0].length != y[0].length) buffer = new double[y.length][y[0].length];
            for (int i = 0; i < y.length; i++) System.arraycopy(y[i], 0, buffer[i], 0, y[i].length);
            return buffer;
        }
    }

    /** LayerNorm divides by sqrt(var) + eps instead of sqrt(var + eps). */
    static final class EpsOutsideTheSquareRoot extends GptBlockReference {
        @Override
        protected double[][] layerNorm(double[][] x, double[] gamma, double[] beta) {
            double[][] y = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                int d = x[i].length;
                double mean = 0;
                for (double v : x[i]) mean += v / d;
                double var = 0;
                for (double v : x[i]) var += (v - mean) * (v - mean) / d;
                y[i] = new double[d];
                for (int c = 0; c < d; c++) y[i][c] = gamma[c] * (x[i][c] - mean) / (Math.sqrt(var) + EPS) + beta[c];
            }
            return y;
        }
    }

    /** Both sublayers normalise with ln1's gamma and beta. */
    static final class SecondLayerNormUsesTheFirstsParameters extends GptBlockReference {
        @Override
        public double[][] forward(double[][] x, GptBlock.Weights w) {
            double[][] x1 = add(x, attention(layerNorm(x, w.ln1Gamma(), w.ln1Beta()), w));
            return add(x1, mlp(layerNorm(x1, w.ln1Gamma(), w.ln1Beta()), w));
        }
    }

    /** Reads qkv per head as interleaved [q_t k_t v_t] blocks of 3 d/h columns instead of three d-column blocks. */
    static final class QkvReadAsInterleavedHeads extends GptBlockReference {
        @Override
        protected double[][] attention(double[][] h, GptBlock.Weights w) {
            int d = h[0].length, hd = d / w.numHeads();
            double[][] wqkv = new double[3 * d][];
            double[] bqkv = new double[3 * d];
            // permute rows so that the reference's block layout reads what an interleaved layout would give
            for (int t = 0; t < w.numHeads(); t++)
                for (int part = 0; part < 3; part++)
                    for (int c = 0; c < hd; c++) {
                        int from = t * 3 * hd + part * hd + c, to = part * d + t * hd + c;
                        wqkv[to] = w.wqkv()[from];
                        bqkv[to] = w.bqkv()[from];
                    }
            return super.attention(h, new GptBlock.Weights(w.numHeads(), w.ln1Gamma(), w.ln1Beta(), wqkv, bqkv, w.wo(), w.bo(),
                    w.ln2Gamma(), w.ln2Beta(), w.wfc(), w.bfc(), w.wproj(), w.bproj()));
        }
    }
}
