package katagym.rlhf;

public class RlooAdvantageReference implements RlooAdvantage {

    @Override
    public double[][] advantages(double[][] rewards) {
        double[][] out = new double[rewards.length][];
        for (int p = 0; p < rewards.length; p++) {
            if (rewards[p].length < 2) {
                throw new IllegalArgumentException("prompt " + p + " has " + rewards[p].length
                        + " sample(s): the leave-one-out baseline needs k >= 2");
            }
            out[p] = row(rewards[p]);
        }
        return out;
    }

    /** k/(k-1) (r_i - mean), the mean as a sum of r_j / k: no partial sum exceeds the largest |r_j|. */
    static double[] row(double[] r) {
        int k = r.length;
        double mean = 0;
        for (double v : r) mean += v / k;
        double factor = (double) k / (k - 1);
        double[] a = new double[k];
        for (int i = 0; i < k; i++) a[i] = factor * (r[i] - mean);
        return a;
    }
}
