package katagym.rlhf;

import katagym.grader.check.Tolerance;

/** Spec code shared by the rlhf katas: an independent stable -log sigmoid and the tolerances used for tiny losses. */
final class RlhfSpecSupport {
    private RlhfSpecSupport() {}

    /**
     * Relative accuracy down to 1e-300: a loss of 4.2e-18 is not 0 (the default abs 1e-12 would hide a
     * flush to zero), while subnormal values, which carry too few bits for a relative error, are let be.
     */
    static final Tolerance RELATIVE = Tolerance.of(1e-9, 1e-300);

    /** Independent -log sigmoid(z) = log(1 + e^-z), accurate for every finite z. */
    static double minusLogSigmoid(double z) {
        return z >= 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
    }

    /** Independent sigmoid(z), accurate (relatively) for every finite z. */
    static double sigmoid(double z) {
        if (z >= 0) return 1 / (1 + Math.exp(-z));
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
