package katagym.losses;

import katagym.grader.spec.Clause;

/**
 * KL divergence, entropy and cross-entropy of discrete distributions, in nats. Kata {@code kl-divergence}.
 * Arguments are probability vectors of the same length {@code n >= 1}: entries in [0, 1] summing to 1.
 * Terms with {@code p[i] = 0} contribute 0 whatever {@code q[i]} is (the convention 0 log 0 = 0).
 * No epsilon is added anywhere (logs are exact, tiny entropies included). No method modifies its arguments.
 */
@Clause(id = "pure", value = "No method modifies its arguments.")
@Clause(id = "zeroConvention", value = "Terms with p[i] = 0 contribute 0 whatever q[i] is, q[i] = 0 included (0 log 0 = 0, never NaN).")
@Clause(id = "noEpsilon", value = "Logs are exact, no epsilon added: a tiny entropy such as H([1e-12, 1 - 1e-12]) is accurate to 1e-6 relative.")
public interface KlDivergence {
    /**
     * {@code KL(p || q) = sum_{i : p[i] > 0} p[i] log(p[i] / q[i])}; {@code +Infinity} if some
     * {@code q[i] = 0} where {@code p[i] > 0}. Note the order: the expectation is taken under p.
     */
    @Clause(id = "klValue", value = "kl(p, q) = sum_{p[i] > 0} p[i] log(p[i] / q[i]), the expectation under p (not KL(q || p)), in nats.")
    @Clause(id = "klInfinite", value = "kl(p, q) is +Infinity when some q[i] = 0 where p[i] > 0.")
    double kl(double[] p, double[] q);

    /** {@code H(p) = -sum_{i : p[i] > 0} p[i] log p[i]}. */
    @Clause(id = "entropyValue", value = "entropy(p) = -sum_{p[i] > 0} p[i] log p[i], in nats.")
    double entropy(double[] p);

    /**
     * {@code H(p, q) = -sum_{i : p[i] > 0} p[i] log q[i] = H(p) + KL(p || q)}; {@code +Infinity} if some
     * {@code q[i] = 0} where {@code p[i] > 0}.
     */
    @Clause(id = "crossEntropyValue", value = "crossEntropy(p, q) = -sum_{p[i] > 0} p[i] log q[i] = H(p) + KL(p || q), in nats.")
    @Clause(id = "crossEntropyInfinite", value = "crossEntropy(p, q) is +Infinity when some q[i] = 0 where p[i] > 0 (no clamping of q).")
    double crossEntropy(double[] p, double[] q);
}
