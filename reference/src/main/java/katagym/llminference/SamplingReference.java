package katagym.llminference;

import java.util.Arrays;
import java.util.Comparator;

public class SamplingReference implements Sampling {

    protected double[] scale(double[] logits, double temperature) {
        double[] z = new double[logits.length];
        for (int i = 0; i < z.length; i++) z[i] = logits[i] / temperature;
        return z;
    }

    /** Which tokens survive top-k: scaled logit >= the k-th largest. */
    protected boolean[] topK(double[] z, int k) {
        boolean[] keep = new boolean[z.length];
        if (k <= 0 || k >= z.length) {
            Arrays.fill(keep, true);
            return keep;
        }
        double[] sorted = z.clone();
        Arrays.sort(sorted);
        double kth = sorted[z.length - k];
        for (int i = 0; i < z.length; i++) keep[i] = z[i] >= kth;
        return keep;
    }

    /** Softmax over the kept entries; dropped ones get 0. */
    protected double[] softmax(double[] z, boolean[] keep) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < z.length; i++) if (keep[i]) max = Math.max(max, z[i]);
        double[] p = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            if (keep[i]) {
                p[i] = Math.exp(z[i] - max);
                sum += p[i];
            }
        }
        for (int i = 0; i < z.length; i++) p[i] /= sum;
        return p;
    }

    /** Tokens by probability, descending, ties by lower index. */
    static Integer[] byProbability(double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -p[i]).thenComparingInt(i -> i));
        return order;
    }

    protected double[] topP(double[] p, double topP) {
        if (topP >= 1) return p;
        double[] out = new double[p.length];
        double before = 0, kept = 0;
        for (int i : byProbability(p)) {
            if (before < topP) {
                out[i] = p[i];
                kept += p[i];
            }
            before += p[i];
        }
        for (int i = 0; i < out.length; i++) out[i] /= kept;
        return out;
    }

    @Override
    public double[] probabilities(double[] logits, double temperature, int topK, double topP) {
        if (temperature == 0) {
            int best = 0;
            for (int i = 1; i < logits.length; i++) if (logits[i] > logits[best]) best = i;
            double[] p = new double[logits.length];
            p[best] = 1;
            return p;
        }
        double[] z = scale(logits, temperature);
        return topP(softmax(z, topK(z, topK)), topP);
    }

    @Override
    public int sample(double[] probabilities, double uniform) {
        double cum = 0;
        int lastPositive = 0;
        for (int i = 0; i < probabilities.length; i++) {
            cum += probabilities[i];
            if (probabilities[i] > 0) lastPositive = i;
            if (cum > uniform) return i;
        }
        return lastPositive;
    }
}
