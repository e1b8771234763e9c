package katagym.losses;

/** Correct binary-cross-entropy solutions written unlike the reference. */
final class BinaryCrossEntropyAlternatives {
    private BinaryCrossEntropyAlternatives() {}

    /** y softplus(-x) + (1 - y) softplus(x), with softplus(v) = log(1 + exp(v)) computed stably; the gradient as (1 - y) s(x) - y s(-x). */
    static final class TwoSoftplusTerms implements BinaryCrossEntropy {
        private static double softplus(double v) {
            return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
        }

        private static double sigmoid(double v) {
            return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
        }

        @Override
        public double loss(double[] logits, double[] targets) {
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                double x = logits[i], y = targets[i];
                if (y != 0) sum += y * softplus(-x);
                if (y != 1) sum += (1 - y) * softplus(x);
            }
            return sum / logits.length;
        }

        @Override
        public double[] gradient(double[] logits, double[] targets) {
            double[] g = new double[logits.length];
            for (int i = 0; i < g.length; i++) {
                double x = logits[i], y = targets[i];
                g[i] = ((1 - y) * sigmoid(x) - y * sigmoid(-x)) / g.length;
            }
            return g;
        }
    }
}
