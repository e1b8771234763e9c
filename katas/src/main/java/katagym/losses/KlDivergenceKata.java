package katagym.losses;

import katagym.NotImplementedYet;

/**
 * Kata {@code kl-divergence}: KL(p || q), the entropy H(p) and the cross-entropy H(p, q), in nats.
 * Statement: katas/src/main/resources/statements/kl-divergence.md ({@code ./kata show kl-divergence}).
 */
public final class KlDivergenceKata implements KlDivergence {

    /** Returns {@code sum_i p[i] log(p[i] / q[i])}, skipping the terms with {@code p[i] = 0}. */
    @Override
    public double kl(double[] p, double[] q) {
        throw new NotImplementedYet("KlDivergenceKata.kl");
    }

    /** Returns {@code -sum_i p[i] log p[i]}, skipping the terms with {@code p[i] = 0}. */
    @Override
    public double entropy(double[] p) {
        throw new NotImplementedYet("KlDivergenceKata.entropy");
    }

    /** Returns {@code -sum_i p[i] log q[i]}, skipping the terms with {@code p[i] = 0}. */
    @Override
    public double crossEntropy(double[] p, double[] q) {
        throw new NotImplementedYet("KlDivergenceKata.crossEntropy");
    }
}
