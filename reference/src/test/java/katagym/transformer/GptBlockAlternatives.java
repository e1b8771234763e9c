package katagym.transformer;

/** Correct solutions written unlike the reference: the spec must accept them on every seed. */
final class GptBlockAlternatives {
    private GptBlockAlternatives() {}

    /** GELU written as z * sigmoid(2u) (= 0.5 z (1 + tanh u)) and LayerNorm by Welford's one-pass mean and variance. */
    static final class SigmoidFormGeluAndWelfordLayerNorm extends GptBlockReference {
        @Override
        protected double gelu(double z) {
            double u = Math.sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z);
            return u >= 0 ? z / (1 + Math.exp(-2 * u)) : z * Math.exp(2 * u) / (1 + Math.exp(2 * u));
        }

        @Override
        protected double[][] layerNorm(double[][] x, double[] gamma, double[] beta) {
            double[][] y = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                double mean = 0, m2 = 0;
                for (int c = 0; c < x[i].length; c++) {
                    double delta = x[i][c] - mean;
                    mean += delta / (c + 1);
                    m2 += delta * (x[i][c] - mean);
                }
                double var = m2 / x[i].length;
                y[i] = new double[x[i].length];
                for (int c = 0; c < x[i].length; c++) y[i][c] = gamma[c] * (x[i][c] - mean) / Math.sqrt(var + EPS) + beta[c];
            }
            return y;
        }
    }
}
