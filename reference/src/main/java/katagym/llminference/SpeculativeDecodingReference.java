package katagym.llminference;

import java.util.Arrays;

public class SpeculativeDecodingReference implements SpeculativeDecoding {

    @Override
    public double acceptanceProbability(double[] p, double[] q, int token) {
        return Math.min(1.0, p[token] / q[token]);
    }

    @Override
    public double[] residual(double[] p, double[] q) {
        double[] r = new double[p.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) sum += r[i] = Math.max(0, p[i] - q[i]);
        if (sum == 0) return p.clone();
        for (int i = 0; i < r.length; i++) r[i] /= sum;
        return r;
    }

    /** Inverse-CDF sampling: the first index whose cumulative probability exceeds u. */
    static int sample(double[] d, double u) {
        double cum = 0;
        int lastPositive = 0;
        for (int i = 0; i < d.length; i++) {
            cum += d[i];
            if (d[i] > 0) lastPositive = i;
            if (cum > u) return i;
        }
        return lastPositive;
    }

    /** The token emitted when every draft was accepted. */
    protected int bonus(double[][] p, double sampleU) {
        return sample(p[p.length - 1], sampleU);
    }

    @Override
    public int[] verify(double[][] p, double[][] q, int[] draft, double[] acceptU, double sampleU) {
        int k = draft.length;
        int[] out = new int[k + 1];
        for (int i = 0; i < k; i++) {
            if (acceptU[i] < acceptanceProbability(p[i], q[i], draft[i])) {
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
