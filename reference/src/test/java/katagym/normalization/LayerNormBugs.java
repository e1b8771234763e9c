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
}
