package katagym.llminference;

import java.util.Arrays;

/** Correct sampling solutions unlike the reference. */
final class SamplingAlternatives {
    private SamplingAlternatives() {}

    /**
     * Top-k by a threshold from a partial sort of indices, temperature applied after top-k (it keeps
     * the order), log-sum-exp softmax, and sample by binary search over the left-to-right prefix sums.
     */
    static final class ThresholdThenLogSumExpThenBinarySearch implements Sampling {
        @Override
        public double[] probabilities(double[] logits, double temperature, int topK, double topP) {
            int n = logits.length;
            double[] p = new double[n];
            if (temperature == 0) {
                int best = 0;
                for (int i = 1; i < n; i++) if (logits[i] > logits[best]) best = i;
                p[best] = 1;
                return p;
            }
            double[] z = new double[n];
            for (int i = 0; i < n; i++) z[i] = logits[i] / temperature;
            double threshold = Double.NEGATIVE_INFINITY;
            if (topK > 0 && topK < n) {
                double[] sorted = z.clone();
                Arrays.sort(sorted);
                threshold = sorted[n - topK];
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) if (v >= threshold) max = Math.max(max, v);
            double sum = 0;
            for (int i = 0; i < n; i++) if (z[i] >= threshold) sum += Math.exp(z[i] - max);
            double lse = max + Math.log(sum);
            for (int i = 0; i < n; i++) p[i] = z[i] >= threshold ? Math.exp(z[i] - lse) : 0;
            double total = 0;
            for (double v : p) total += v;
            for (int i = 0; i < n; i++) p[i] /= total;
            if (topP >= 1) return p;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
            double[] out = new double[n];
            double before = 0, kept = 0;
            for (int i : order) {
                if (before < topP) { out[i] = p[i]; kept += p[i]; }
                before += p[i];
            }
            for (int i = 0; i < n; i++) out[i] /= kept;
            return out;
        }

        @Override
        public int sample(double[] probabilities, double uniform) {
            int n = probabilities.length;
            double[] cum = new double[n];
            double c = 0;
            int lastPositive = 0;
            for (int i = 0; i < n; i++) {
                cum[i] = c += probabilities[i];
                if (probabilities[i] > 0) lastPositive = i;
            }
            int lo = 0, hi = n - 1;
            if (!(cum[hi] > uniform)) return lastPositive;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cum[mid] > uniform) hi = mid; else lo = mid + 1;
            }
            return lo;
        }
    }
}
