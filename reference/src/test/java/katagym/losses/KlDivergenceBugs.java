package katagym.losses;

/** Plausible learner bugs the kl-divergence spec must catch. */
final class KlDivergenceBugs {
    private KlDivergenceBugs() {}

    /** Computes KL(q || p): the arguments swapped. */
    static final class SwappedArguments extends KlDivergenceReference {
        @Override
        public double kl(double[] p, double[] q) {
            return super.kl(q, p);
        }
    }

    /** No 0 log 0 = 0 convention: a zero in p gives 0 * log(0) = 0 * -Infinity = NaN. */
    static final class ZeroLogZeroIsNaN extends KlDivergenceReference {
        @Override
        public double kl(double[] p, double[] q) {
            double sum = 0;
            for (int i = 0; i < p.length; i++) sum += p[i] * Math.log(p[i] / q[i]);
            return sum;
        }

        @Override
        public double entropy(double[] p) {
            double sum = 0;
            for (double v : p) sum -= v * Math.log(v);
            return sum;
        }
    }

    /** Uses log base 2 for the entropy (bits) while KL is in nats. */
    static final class EntropyInBits extends KlDivergenceReference {
        @Override
        public double entropy(double[] p) {
            return super.entropy(p) / Math.log(2);
        }
    }

    /** A sign slip in the decomposition: H(p, q) = KL(p || q) - H(p). */
    static final class CrossEntropyWithEntropySubtracted extends KlDivergenceReference {
        @Override
        public double crossEntropy(double[] p, double[] q) {
            return kl(p, q) - entropy(p);
        }
    }
}
