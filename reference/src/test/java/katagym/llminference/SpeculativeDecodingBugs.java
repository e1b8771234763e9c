package katagym.llminference;

import java.util.Arrays;

/** Plausible learner bugs the speculative-decoding spec must catch. */
final class SpeculativeDecodingBugs {
    private SpeculativeDecodingBugs() {}

    /** Resamples a rejected position from the target p instead of norm(max(0, p - q)). */
    static final class ResamplesFromTheTarget extends SpeculativeDecodingReference {
        @Override
        public double[] residual(double[] p, double[] q) {
            return p.clone();
        }
    }

    /** Accepts with p / q without capping it at 1. */
    static final class RatioWithoutMin extends SpeculativeDecodingReference {
        @Override
        public double acceptanceProbability(double[] p, double[] q, int token) {
            return p[token] / q[token];
        }
    }

    /** Forgets to renormalise max(0, p - q). */
    static final class ResidualNotNormalised extends SpeculativeDecodingReference {
        @Override
        public double[] residual(double[] p, double[] q) {
            double[] r = new double[p.length];
            for (int i = 0; i < p.length; i++) r[i] = Math.max(0, p[i] - q[i]);
            return Arrays.stream(r).sum() == 0 ? p.clone() : r;
        }
    }

    /** Samples the bonus token from the last draft position's target p[k - 1] instead of p[k]. */
    static final class BonusFromTheLastDraftPosition extends SpeculativeDecodingReference {
        @Override
        protected int bonus(double[][] p, double sampleU) {
            return sample(p[p.length - 2], sampleU);
        }
    }

    /** Emits no bonus token when every draft is accepted. */
    static final class NoBonusToken extends SpeculativeDecodingReference {
        @Override
        public int[] verify(double[][] p, double[][] q, int[] draft, double[] acceptU, double sampleU) {
            int[] out = super.verify(p, q, draft, acceptU, sampleU);
            return out.length == draft.length + 1 && acceptedAll(p, q, draft, acceptU) ? Arrays.copyOf(out, draft.length) : out;
        }

        private boolean acceptedAll(double[][] p, double[][] q, int[] draft, double[] acceptU) {
            for (int i = 0; i < draft.length; i++) if (!(acceptU[i] < acceptanceProbability(p[i], q[i], draft[i]))) return false;
            return true;
        }
    }

    /** After a rejection keeps verifying the following drafts instead of stopping. */
    static final class ContinuesAfterRejection extends SpeculativeDecodingReference {
        @Override
        public int[] verify(double[][] p, double[][] q, int[] draft, double[] acceptU, double sampleU) {
            int k = draft.length;
            int[] out = new int[k + 1];
            for (int i = 0; i < k; i++) {
                out[i] = acceptU[i] < acceptanceProbability(p[i], q[i], draft[i]) ? draft[i] : sample(residual(p[i], q[i]), sampleU);
            }
            out[k] = bonus(p, sampleU);
            return out;
        }
    }

    /** Accepts when acceptU <= the ratio: a draft the target gives probability 0 is accepted at acceptU = 0. */
    static final class AcceptsWhenAcceptUEqualsTheRatio extends SpeculativeDecodingReference {
        @Override
        public int[] verify(double[][] p, double[][] q, int[] draft, double[] acceptU, double sampleU) {
            int k = draft.length;
            int[] out = new int[k + 1];
            for (int i = 0; i < k; i++) {
                if (acceptU[i] <= acceptanceProbability(p[i], q[i], draft[i])) {
                    out[i] = draft[i];
                } else {
                    out[i] = sample(residual(p[i], q[i]), sampleU);
                    return Arrays.copyOf(out, i + 1);
                }
            }
            out[k] = bonus(p, sampleU);
            return out;
        }
    }

    /** Samples the bonus token with cumulative >= u, so u = 0 can pick a token of probability 0. */
    static final class CumulativeAtLeastU extends SpeculativeDecodingReference {
        @Override
        protected int bonus(double[][] p, double sampleU) {
            double[] d = p[p.length - 1];
            double cum = 0;
            for (int i = 0; i < d.length; i++) {
                cum += d[i];
                if (cum >= sampleU) return i;
            }
            return d.length - 1;
        }
    }

    /** When p equals q it returns p itself rather than a copy: the caller's p and the "new" residual are one array. */
    static final class ResidualReturnsPItself extends SpeculativeDecodingReference {
        @Override
        public double[] residual(double[] p, double[] q) {
            double[] r = super.residual(p, q);
            return Arrays.equals(r, p) ? p : r;
        }
    }

    /** Samples the replacement token with the rejected draft's acceptU[i] instead of sampleU. */
    static final class ResamplesWithTheAcceptUniform extends SpeculativeDecodingReference {
        @Override
        public int[] verify(double[][] p, double[][] q, int[] draft, double[] acceptU, double sampleU) {
            int k = draft.length;
            int[] out = new int[k + 1];
            for (int i = 0; i < k; i++) {
                if (acceptU[i] < acceptanceProbability(p[i], q[i], draft[i])) {
                    out[i] = draft[i];
                } else {
                    out[i] = sample(residual(p[i], q[i]), acceptU[i]);
                    return Arrays.copyOf(out, i + 1);
                }
            }
            out[k] = bonus(p, sampleU);
            return out;
        }
    }

    /** Divides by the sum of max(0, p - q) without the p == q case: 0 / 0 gives a residual of NaNs. */
    static final class ResidualDividesByZeroWhenPEqualsQ extends SpeculativeDecodingReference {
        @Override
        public double[] residual(double[] p, double[] q) {
            double[] r = new double[p.length];
            double sum = 0;
            for (int i = 0; i < p.length; i++) sum += r[i] = Math.max(0, p[i] - q[i]);
            for (int i = 0; i < r.length; i++) r[i] /= sum;
            return r;
        }
    }
}
