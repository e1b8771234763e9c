package katagym.losses;

/** Correct kl-divergence solutions written unlike the reference. */
final class KlDivergenceAlternatives {
    private KlDivergenceAlternatives() {}

    /** KL as the difference of logs, p (log p - log q), and the cross-entropy as H(p) + KL(p || q). */
    static final class DifferenceOfLogs implements KlDivergence {
        @Override
        public double kl(double[] p, double[] q) {
            double sum = 0;
            for (int i = 0; i < p.length; i++) if (p[i] != 0) sum += p[i] * (Math.log(p[i]) - Math.log(q[i]));
            return sum;
        }

        @Override
        public double entropy(double[] p) {
            double sum = 0;
            for (double v : p) if (v != 0) sum += v * Math.log(v);
            return -sum;
        }

        @Override
        public double crossEntropy(double[] p, double[] q) {
            return entropy(p) + kl(p, q);
        }
    }
}
