package katagym.rlhf;

/** Plausible learner bugs the rloo-advantage spec must catch. */
final class RlooAdvantageBugs {
    private RlooAdvantageBugs() {}

    /** Uses the plain mean of all k rewards as the baseline: r_i - mean, missing the factor k/(k-1). */
    static final class PlainMeanBaseline extends RlooAdvantageReference {
        @Override
        public double[][] advantages(double[][] rewards) {
            double[][] out = super.advantages(rewards);
            for (double[] row : out) for (int i = 0; i < row.length; i++) row[i] *= (row.length - 1.0) / row.length;
            return out;
        }
    }

    /** Leaves the sample out of the sum but still divides by k: r_i - (S - r_i) / k. */
    static final class DividesTheOthersByK extends RlooAdvantageReference {
        @Override
        public double[][] advantages(double[][] rewards) {
            super.advantages(rewards); // the k < 2 check
            double[][] out = new double[rewards.length][];
            for (int p = 0; p < rewards.length; p++) {
                double[] r = rewards[p];
                double sum = 0;
                for (double v : r) sum += v;
                out[p] = new double[r.length];
                for (int i = 0; i < r.length; i++) out[p][i] = r[i] - (sum - r[i]) / r.length;
            }
            return out;
        }
    }

    /** One baseline for the whole batch: leaves the sample out of ALL rewards of all prompts. */
    static final class BatchWideBaseline extends RlooAdvantageReference {
        @Override
        public double[][] advantages(double[][] rewards) {
            super.advantages(rewards);
            double sum = 0;
            int n = 0;
            for (double[] r : rewards) for (double v : r) { sum += v; n++; }
            double[][] out = new double[rewards.length][];
            for (int p = 0; p < rewards.length; p++) {
                out[p] = new double[rewards[p].length];
                for (int i = 0; i < out[p].length; i++) out[p][i] = rewards[p][i] - (sum - rewards[p][i]) / (n - 1);
            }
            return out;
        }
    }

    /** No guard for k = 1: the others' mean is 0 / 0 and the advantage silently NaN. */
    static final class NaNForASingleSample extends RlooAdvantageReference {
        @Override
        public double[][] advantages(double[][] rewards) {
            double[][] out = new double[rewards.length][];
            for (int p = 0; p < rewards.length; p++) {
                double[] r = rewards[p];
                int k = r.length;
                double mean = 0;
                for (double v : r) mean += v / k;
                out[p] = new double[k];
                for (int i = 0; i < k; i++) out[p][i] = (double) k / (k - 1) * (r[i] - mean);
            }
            return out;
        }
    }

    /** The mean as sum / k: the sum overflows to Infinity for rewards near 1e308, and every advantage with it. */
    static final class SumOverflows extends RlooAdvantageReference {
        @Override
        public double[][] advantages(double[][] rewards) {
            super.advantages(rewards);
            double[][] out = new double[rewards.length][];
            for (int p = 0; p < rewards.length; p++) {
                double[] r = rewards[p];
                double sum = 0;
                for (double v : r) sum += v;
                out[p] = new double[r.length];
                for (int i = 0; i < r.length; i++) out[p][i] = r[i] - (sum - r[i]) / (r.length - 1);
            }
            return out;
        }
    }

    /** Takes k from the first prompt for every prompt ("k samples per prompt"), although rows may differ. */
    static final class KOfTheFirstPrompt extends RlooAdvantageReference {
        @Override
        public double[][] advantages(double[][] rewards) {
            super.advantages(rewards);
            double[][] out = new double[rewards.length][];
            int k = rewards.length == 0 ? 0 : rewards[0].length;
            for (int p = 0; p < rewards.length; p++) {
                double[] r = rewards[p];
                double mean = 0;
                for (double v : r) mean += v / k;
                out[p] = new double[r.length];
                for (int i = 0; i < r.length; i++) out[p][i] = (double) k / (k - 1) * (r[i] - mean);
            }
            return out;
        }
    }

    /** Subtracts the baseline in place over the caller's rewards and returns them. */
    static final class SubtractsInPlace extends RlooAdvantageReference {
        @Override
        public double[][] advantages(double[][] rewards) {
            double[][] out = super.advantages(rewards);
            for (int p = 0; p < rewards.length; p++) System.arraycopy(out[p], 0, rewards[p], 0, out[p].length);
            return rewards;
        }
    }

    /** GRPO habits: also divides by the prompt's standard deviation. */
    static final class StandardisesLikeGrpo extends RlooAdvantageReference {
        @Override
        public double[][] advantages(double[][] rewards) {
            double[][] out = super.advantages(rewards);
            for (int p = 0; p < rewards.length; p++) {
                double[] r = rewards[p];
                double mean = 0;
                for (double v : r) mean += v / r.length;
                double var = 0;
                for (double v : r) var += (v - mean) * (v - mean) / r.length;
                for (int i = 0; i < r.length; i++) out[p][i] /= Math.sqrt(var) + 1e-8;
            }
            return out;
        }
    }
}
