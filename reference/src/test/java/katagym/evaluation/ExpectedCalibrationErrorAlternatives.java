package katagym.evaluation;

/** Correct calibration solutions written unlike the reference. */
final class ExpectedCalibrationErrorAlternatives {
    private ExpectedCalibrationErrorAlternatives() {}

    /**
     * ECE from per-bin means; NLL as -log_softmax from the label's side; the temperature by a
     * safeguarded Newton method on the derivative in s = 1/T (gradient and curvature in closed form),
     * falling back to bisection whenever a Newton step leaves the bracket.
     */
    static final class NewtonOnInverseTemperature implements ExpectedCalibrationError {
        @Override
        public double ece(double[] confidences, boolean[] correct, int bins) {
            if (confidences.length == 0 || confidences.length != correct.length || bins < 1) throw new IllegalArgumentException("bad input");
            double[] conf = new double[bins], acc = new double[bins];
            int[] n = new int[bins];
            for (int i = 0; i < confidences.length; i++) {
                double c = confidences[i];
                if (Double.isNaN(c) || c < 0 || c > 1) throw new IllegalArgumentException("confidence outside [0, 1]");
                int b = c == 1.0 ? bins - 1 : Math.min(bins - 1, (int) Math.floor(c * bins));
                n[b]++;
                conf[b] += c;
                acc[b] += correct[i] ? 1 : 0;
            }
            double e = 0;
            for (int b = 0; b < bins; b++) {
                if (n[b] == 0) continue;
                e += (double) n[b] / confidences.length * Math.abs(acc[b] / n[b] - conf[b] / n[b]);
            }
            return e;
        }

        @Override
        public double nll(double[][] logits, int[] labels, double temperature) {
            if (temperature <= 0 || Double.isNaN(temperature)) throw new IllegalArgumentException("T <= 0");
            check(logits, labels);
            double total = 0;
            for (int i = 0; i < logits.length; i++) {
                double zy = logits[i][labels[i]] / temperature, sum = 0;
                double max = Double.NEGATIVE_INFINITY;
                for (double z : logits[i]) max = Math.max(max, z / temperature);
                for (double z : logits[i]) sum += Math.exp(z / temperature - max);
                total += (max - zy) + Math.log(sum);
            }
            return total / logits.length;
        }

        @Override
        public double fitTemperature(double[][] logits, int[] labels) {
            check(logits, labels);
            double lo = 1 / MAX_T, hi = 1 / MIN_T;
            if (derivatives(logits, labels, lo)[0] >= 0) return MAX_T;
            if (derivatives(logits, labels, hi)[0] <= 0) return MIN_T;
            double s = 1;
            if (s <= lo || s >= hi) s = 0.5 * (lo + hi);
            for (int it = 0; it < 300; it++) {
                double[] d = derivatives(logits, labels, s);
                if (d[0] > 0) hi = s; else lo = s;
                double next = d[1] > 0 ? s - d[0] / d[1] : Double.NaN;
                if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
                if (Math.abs(next - s) <= 1e-15 * s || hi - lo <= 1e-15 * hi) { s = next; break; }
                s = next;
            }
            return 1 / s;
        }

        /** [g, g'] at s: g = mean(E_p z - z_y), g' = mean Var_p(z), p = softmax(s z). */
        private static double[] derivatives(double[][] logits, int[] labels, double s) {
            double g = 0, h = 0;
            for (int i = 0; i < logits.length; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (double z : logits[i]) max = Math.max(max, s * z);
                double sum = 0, m1 = 0, m2 = 0, shift = logits[i][labels[i]];
                for (double z : logits[i]) {
                    double e = Math.exp(s * z - max);
                    sum += e;
                    m1 += e * (z - shift);
                    m2 += e * (z - shift) * (z - shift);
                }
                m1 /= sum;
                m2 /= sum;
                g += m1;
                h += m2 - m1 * m1;
            }
            return new double[] {g / logits.length, h / logits.length};
        }

        private static void check(double[][] logits, int[] labels) {
            if (logits.length == 0 || logits.length != labels.length) throw new IllegalArgumentException("no samples");
            for (int i = 0; i < labels.length; i++) if (labels[i] < 0 || labels[i] >= logits[i].length) throw new IllegalArgumentException("label");
        }
    }
}
