package katagym.losses;

/** Correct focal-loss solutions written unlike the reference. */
final class FocalLossAlternatives {
    private FocalLossAlternatives() {}

    /**
     * In log space: with z = +-x, log(1 - p_t) = -softplus(z), so (1 - p_t)^gamma = exp(-gamma softplus(z));
     * -log p_t = softplus(-z). No pow, no probability that can round to 0 or 1.
     */
    static final class LogSpaceModulatingFactor implements FocalLoss {
        private static double softplus(double v) {
            return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
        }

        private static double weight(double y, double alpha) {
            return alpha < 0 ? 1 : y == 1 ? alpha : 1 - alpha;
        }

        @Override
        public double loss(double[] logits, double[] targets, double alpha, double gamma) {
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                double z = targets[i] == 1 ? logits[i] : -logits[i];
                sum += weight(targets[i], alpha) * Math.exp(-gamma * softplus(z)) * softplus(-z);
            }
            return sum / logits.length;
        }

        @Override
        public double[] gradient(double[] logits, double[] targets, double alpha, double gamma) {
            int n = logits.length;
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                double sign = targets[i] == 1 ? 1 : -1;
                double z = sign * logits[i];
                double q = Math.exp(-softplus(z)), pt = Math.exp(-softplus(-z)), ce = softplus(-z);
                g[i] = -weight(targets[i], alpha) * sign * Math.exp(-gamma * softplus(z)) * (gamma * pt * ce + q) / n;
            }
            return g;
        }
    }
}
