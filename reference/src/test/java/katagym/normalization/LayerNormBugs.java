package katagym.normalization;

/** Plausible learner bugs the layer-norm spec must catch. */
final class LayerNormBugs {
    private LayerNormBugs() {}

    /** Divides by d - 1 (torch.var's default), not d. */
    static final class UnbiasedVariance extends LayerNormReference {
        @Override
        protected double variance(double[] row, double mean) {
            return row.length < 2 ? 0 : super.variance(row, mean) * row.length / (row.length - 1);
        }
    }

    /** One-pass variance mean(x^2) - mu^2: mathematically right, but it cancels catastrophically for rows far from zero. */
    static final class OnePassVariance extends LayerNormReference {
        @Override
        protected double variance(double[] row, double mean) {
            double s = 0;
            for (double v : row) s += v * v;
            return s / row.length - mean * mean;
        }
    }

    /** Adds eps outside the square root: 1 / (sqrt(var) + eps). */
    static final class EpsOutsideSqrt extends LayerNormReference {
        @Override
        protected double inverseStd(double var, double eps) {
            return 1 / (Math.sqrt(var) + eps);
        }
    }

    /** Treats mean and variance as constants in backward: dx = upstream * gamma / sigma. */
    static final class BackwardIgnoresTheStatistics extends LayerNormReference {
        @Override
        public Grads backward(double[][] x, double[] gamma, double[] beta, double eps, double[][] upstream) {
            Grads g = super.backward(x, gamma, beta, eps, upstream);
            double[][] dx = new double[x.length][];
            for (int r = 0; r < x.length; r++) {
                double mu = mean(x[r]);
                double rstd = inverseStd(variance(x[r], mu), eps);
                dx[r] = new double[x[r].length];
                for (int i = 0; i < dx[r].length; i++) dx[r][i] = upstream[r][i] * gamma[i] * rstd;
            }
            return new Grads(dx, g.dgamma(), g.dbeta());
        }
    }

    /** Uses the raw input instead of the normalised one for dgamma. */
    static final class GammaGradientUsesRawInput extends LayerNormReference {
        @Override
        public Grads backward(double[][] x, double[] gamma, double[] beta, double eps, double[][] upstream) {
            Grads g = super.backward(x, gamma, beta, eps, upstream);
            double[] dgamma = new double[gamma.length];
            for (int r = 0; r < x.length; r++) for (int i = 0; i < gamma.length; i++) dgamma[i] += upstream[r][i] * x[r][i];
            return new Grads(g.dx(), dgamma, g.dbeta());
        }
    }

    /** Keeps the output matrix in a field to save allocations: the next call overwrites the caller's earlier output. */
    static final class ReusesOutputBuffer extends LayerNormReference {
        private double[][] buffer = new double[0][];

        @Override
        public double[][] forward(double[][] x, double[] gamma, double[] beta, double eps) {
            double[][] y = super.forward(x, gamma, beta, eps);
            if (buffer.length != y.length || buffer[0].length != y[0].length) buffer = new double[y.length][y[0].length];
            for (int r = 0; r < y.length; r++) System.arraycopy(y[r], 0, buffer[r], 0, y[r].length);
            return buffer;
        }
    }

    /** Normalises each COLUMN over the batch (batch norm's axis), not each row over its features. */
    static final class NormalisesTheColumns extends LayerNormReference {
        @Override
        public double[][] forward(double[][] x, double[] gamma, double[] beta, double eps) {
            int n = x.length, d = x[0].length;
            double[][] t = new double[d][n];
            for (int r = 0; r < n; r++) for (int i = 0; i < d; i++) t[i][r] = x[r][i];
            double[][] th = normalised(t, eps);
            double[][] y = new double[n][d];
            for (int r = 0; r < n; r++) for (int i = 0; i < d; i++) y[r][i] = gamma[i] * th[i][r] + beta[i];
            return y;
        }
    }

    /** Averages dgamma and dbeta over the rows instead of summing them. */
    static final class ParameterGradientsAveragedOverRows extends LayerNormReference {
        @Override
        public Grads backward(double[][] x, double[] gamma, double[] beta, double eps, double[][] upstream) {
            Grads g = super.backward(x, gamma, beta, eps, upstream);
            double[] dgamma = g.dgamma().clone(), dbeta = g.dbeta().clone();
            for (int i = 0; i < dgamma.length; i++) { dgamma[i] /= x.length; dbeta[i] /= x.length; }
            return new Grads(g.dx(), dgamma, dbeta);
        }
    }

    /** Returns the upstream rows as dbeta's source: dbeta aliases upstream[0] when there is a single row. */
    static final class DbetaAliasesUpstreamForOneRow extends LayerNormReference {
        @Override
        public Grads backward(double[][] x, double[] gamma, double[] beta, double eps, double[][] upstream) {
            Grads g = super.backward(x, gamma, beta, eps, upstream);
            return x.length == 1 ? new Grads(g.dx(), g.dgamma(), upstream[0]) : g;
        }
    }
}
