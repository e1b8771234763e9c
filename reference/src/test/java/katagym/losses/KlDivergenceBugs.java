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

    /** Clamps q before the log in the cross-entropy, "to avoid log(0)": a q that misses p's support gives 34.5, not +Infinity. */
    static final class CrossEntropyClampsQ extends KlDivergenceReference {
        @Override
        public double crossEntropy(double[] p, double[] q) {
            double sum = 0;
            for (int i = 0; i < p.length; i++) if (p[i] > 0) sum -= p[i] * Math.log(Math.max(q[i], 1e-15));
            return sum;
        }
    }

    /** The "safe log" trick: -p log(p + 1e-12) is off by about 1e-12 per term, all of a tiny entropy. */
    static final class EntropyAddsEpsilonInsideTheLog extends KlDivergenceReference {
        @Override
        public double entropy(double[] p) {
            double sum = 0;
            for (double v : p) sum -= v * Math.log(v + 1e-12);
            return sum;
        }
    }

    /** Skips the terms with q[i] = 0 as well, so KL stays finite when q misses the support of p. */
    static final class KlSkipsZeroQ extends KlDivergenceReference {
        @Override
        public double kl(double[] p, double[] q) {
            double sum = 0;
            for (int i = 0; i < p.length; i++) if (p[i] > 0 && q[i] > 0) sum += p[i] * Math.log(p[i] / q[i]);
            return sum;
        }
    }
}
