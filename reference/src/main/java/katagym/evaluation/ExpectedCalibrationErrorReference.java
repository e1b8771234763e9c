package katagym.evaluation;

public class ExpectedCalibrationErrorReference implements ExpectedCalibrationError {

    @Override
    public double ece(double[] confidences, boolean[] correct, int bins) {
        int n = confidences.length;
        if (n == 0 || n != correct.length || bins < 1) {
            throw new IllegalArgumentException("need N >= 1 samples with one flag each and bins >= 1");
        }
        int[] count = new int[bins];
        double[] conf = new double[bins], acc = new double[bins];
        for (int i = 0; i < n; i++) {
            double c = confidences[i];
            if (!(c >= 0 && c <= 1)) throw new IllegalArgumentException("confidence " + c + " at " + i + " is outside [0, 1]");
            int b = Math.min((int) Math.floor(c * bins), bins - 1); // [b/M, (b+1)/M); 1.0 joins the last bin
            count[b]++;
            conf[b] += c;
            if (correct[i]) acc[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) ece += Math.abs(acc[b] - conf[b]) / n; // (n_b / N) |acc_b - conf_b| = |sum correct - sum conf| / N
        }
        return ece;
    }

    @Override
    public double nll(double[][] logits, int[] labels, double temperature) {
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be > 0, was " + temperature);
        checkLabels(logits, labels);
        return meanNll(logits, labels, 1 / temperature);
    }

    @Override
    public double fitTemperature(double[][] logits, int[] labels) {
        checkLabels(logits, labels);
        // f(s) = nll at T = 1/s is convex in s; its derivative g(s) increases. Bisect g on [1/MAX_T, 1/MIN_T].
        double lo = 1 / MAX_T, hi = 1 / MIN_T;
        if (slope(logits, labels, lo) >= 0) return MAX_T;
        if (slope(logits, labels, hi) <= 0) return MIN_T;
        for (int it = 0; it < 200 && hi - lo > 1e-15 * hi; it++) {
            double mid = 0.5 * (lo + hi);
            if (slope(logits, labels, mid) > 0) hi = mid; else lo = mid;
        }
        return 2 / (lo + hi);
    }

    /** (1/N) sum_i [logsumexp(s z_i) - s z_i[y_i]], with the row maximum subtracted. */
    static double meanNll(double[][] logits, int[] labels, double s) {
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double z : logits[i]) max = Math.max(max, s * z);
            double sum = 0;
            for (double z : logits[i]) sum += Math.exp(s * z - max);
            total += max + Math.log(sum) - s * logits[i][labels[i]];
        }
        return total / logits.length;
    }

    /** d/ds of meanNll: (1/N) sum_i (E_{p_i}[z_i] - z_i[y_i]), p_i = softmax(s z_i). */
    static double slope(double[][] logits, int[] labels, double s) {
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double z : logits[i]) max = Math.max(max, s * z);
            double sum = 0, weighted = 0;
            for (double z : logits[i]) {
                double e = Math.exp(s * z - max);
                sum += e;
                weighted += e * (z - logits[i][labels[i]]);
            }
            total += weighted / sum;
        }
        return total / logits.length;
    }

    static void checkLabels(double[][] logits, int[] labels) {
        if (logits.length == 0 || logits.length != labels.length) throw new IllegalArgumentException("need N >= 1 rows with one label each");
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= logits[i].length) {
                throw new IllegalArgumentException("label " + labels[i] + " at " + i + " is outside [0, " + logits[i].length + ")");
            }
        }
    }
}
