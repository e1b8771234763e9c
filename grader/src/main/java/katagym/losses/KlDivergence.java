package katagym.losses;

/**
 * KL divergence, entropy and cross-entropy of discrete distributions, in nats. Kata {@code kl-divergence}.
 * Arguments are probability vectors of the same length {@code n >= 1}: entries in [0, 1] summing to 1.
 * Terms with {@code p[i] = 0} contribute 0 whatever {@code q[i]} is (the convention 0 log 0 = 0).
 * No method modifies its arguments.
 */
public interface KlDivergence {
    /**
     * {@code KL(p || q) = sum_{i : p[i] > 0} p[i] log(p[i] / q[i])}; {@code +Infinity} if some
     * {@code q[i] = 0} where {@code p[i] > 0}. Note the order: the expectation is taken under p.
     */
    double kl(double[] p, double[] q);

    /** {@code H(p) = -sum_{i : p[i] > 0} p[i] log p[i]}. */
    double entropy(double[] p);

    /**
     * {@code H(p, q) = -sum_{i : p[i] > 0} p[i] log q[i] = H(p) + KL(p || q)}; {@code +Infinity} if some
     * {@code q[i] = 0} where {@code p[i] > 0}.
     */
    double crossEntropy(double[] p, double[] q);
}
