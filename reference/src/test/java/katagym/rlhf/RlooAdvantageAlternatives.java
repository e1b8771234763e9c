package katagym.rlhf;

/** Correct RLOO solutions written unlike the reference. */
final class RlooAdvantageAlternatives {
    private RlooAdvantageAlternatives() {}

    /** The definition itself, O(k^2): for each sample, a running mean of the other k - 1 rewards. */
    static final class QuadraticRunningMean implements RlooAdvantage {
        @Override
        public double[][] advantages(double[][] rewards) {
            for (double[] r : rewards) if (r.length < 2) throw new IllegalArgumentException("k < 2");
            double[][] out = new double[rewards.length][];
            for (int p = 0; p < rewards.length; p++) {
                double[] r = rewards[p];
                out[p] = new double[r.length];
                for (int i = 0; i < r.length; i++) {
                    double mean = 0;
                    int n = 0;
                    for (int j = 0; j < r.length; j++) {
                        if (j == i) continue;
                        n++;
                        mean += (r[j] - mean) / n; // never leaves [min, max]: no overflow
                    }
                    out[p][i] = r[i] - mean;
                }
            }
            return out;
        }
    }

    /** Rescale each row by a power of two (exact) so the sum cannot overflow, use (S - r_i) / (k - 1), scale back. */
    static final class PowerOfTwoRescale implements RlooAdvantage {
        @Override
        public double[][] advantages(double[][] rewards) {
            for (double[] r : rewards) if (r.length < 2) throw new IllegalArgumentException("k < 2");
            double[][] out = new double[rewards.length][];
            for (int p = 0; p < rewards.length; p++) {
                double[] r = rewards[p];
                double max = 0;
                for (double v : r) max = Math.max(max, Math.abs(v));
                int e = max == 0 ? 0 : Math.max(0, Math.getExponent(max) - 1000); // scale only what could overflow
                double sum = 0;
                for (double v : r) sum += Math.scalb(v, -e - 4);
                out[p] = new double[r.length];
                for (int i = 0; i < r.length; i++) {
                    double ri = Math.scalb(r[i], -e - 4);
                    out[p][i] = Math.scalb(ri - (sum - ri) / (r.length - 1), e + 4);
                }
            }
            return out;
        }
    }
}
