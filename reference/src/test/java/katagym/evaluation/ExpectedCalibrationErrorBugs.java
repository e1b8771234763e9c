package katagym.evaluation;

/** Plausible learner bugs the expected-calibration-error spec must catch. */
final class ExpectedCalibrationErrorBugs {
    private ExpectedCalibrationErrorBugs() {}

    /** bin = (int) (c * M) without the clamp: a confidence of exactly 1.0 indexes bin M, past the end. */
    static final class OneFallsOffTheEnd extends ExpectedCalibrationErrorReference {
        @Override
        public double ece(double[] confidences, boolean[] correct, int bins) {
            super.ece(confidences, correct, bins);
            int[] count = new int[bins];
            double[] gap = new double[bins];
            for (int i = 0; i < confidences.length; i++) {
                int b = (int) (confidences[i] * bins);
                count[b]++;
                gap[b] += (correct[i] ? 1 : 0) - confidences[i];
            }
            double e = 0;
            for (int b = 0; b < bins; b++) e += Math.abs(gap[b]) / confidences.length;
            return e;
        }
    }

    /** Guo et al.'s loop: bins (lo, hi], so an edge goes to the lower bin and a confidence of 0 to no bin at all. */
    static final class RightClosedBins extends ExpectedCalibrationErrorReference {
        @Override
        public double ece(double[] confidences, boolean[] correct, int bins) {
            super.ece(confidences, correct, bins);
            double e = 0;
            for (int b = 0; b < bins; b++) {
                double lo = (double) b / bins, hi = (double) (b + 1) / bins, gap = 0;
                for (int i = 0; i < confidences.length; i++) {
                    if (confidences[i] > lo && confidences[i] <= hi) gap += (correct[i] ? 1 : 0) - confidences[i];
                }
                e += Math.abs(gap) / confidences.length;
            }
            return e;
        }
    }

    /** Averages the bins' gaps with equal weight instead of weighting each by n_b / N. */
    static final class UnweightedBins extends ExpectedCalibrationErrorReference {
        @Override
        public double ece(double[] confidences, boolean[] correct, int bins) {
            super.ece(confidences, correct, bins);
            int[] count = new int[bins];
            double[] gap = new double[bins];
            for (int i = 0; i < confidences.length; i++) {
                int b = Math.min((int) Math.floor(confidences[i] * bins), bins - 1);
                count[b]++;
                gap[b] += (correct[i] ? 1 : 0) - confidences[i];
            }
            double sum = 0;
            int used = 0;
            for (int b = 0; b < bins; b++) if (count[b] > 0) { sum += Math.abs(gap[b]) / count[b]; used++; }
            return sum / used;
        }
    }

    /** Takes the absolute value after summing the bins' signed gaps: over- and under-confidence cancel. */
    static final class AbsoluteValueAfterTheSum extends ExpectedCalibrationErrorReference {
        @Override
        public double ece(double[] confidences, boolean[] correct, int bins) {
            super.ece(confidences, correct, bins);
            double gap = 0;
            for (int i = 0; i < confidences.length; i++) gap += (correct[i] ? 1 : 0) - confidences[i];
            return Math.abs(gap) / confidences.length;
        }
    }

    /** log(sum(exp(z / T))) without subtracting the maximum: Infinity once z / T passes 709. */
    static final class NaiveLogSumExp extends ExpectedCalibrationErrorReference {
        @Override
        public double nll(double[][] logits, int[] labels, double temperature) {
            super.nll(logits, labels, temperature);
            double total = 0;
            for (int i = 0; i < logits.length; i++) {
                double sum = 0;
                for (double z : logits[i]) sum += Math.exp(z / temperature);
                total += Math.log(sum) - logits[i][labels[i]] / temperature;
            }
            return total / logits.length;
        }
    }

    /** Multiplies the logits by T instead of dividing. */
    static final class MultipliesByTemperature extends ExpectedCalibrationErrorReference {
        @Override
        public double nll(double[][] logits, int[] labels, double temperature) {
            super.nll(logits, labels, temperature);
            return meanNll(logits, labels, temperature);
        }
    }

    /** Grid search over T in steps of 0.01: the answer is off by up to 0.005, far more than 1e-6 relative. */
    static final class GridSearch extends ExpectedCalibrationErrorReference {
        @Override
        public double fitTemperature(double[][] logits, int[] labels) {
            checkLabels(logits, labels);
            double best = MIN_T, bestNll = Double.POSITIVE_INFINITY;
            for (int k = 0; k <= 1995; k++) {
                double t = MIN_T + 0.01 * k;
                double v = meanNll(logits, labels, 1 / t);
                if (v < bestNll) { bestNll = v; best = t; }
            }
            return best;
        }
    }

    /** Golden-section search stopped once the bracket is 1e-3 wide: close, but not within 1e-6. */
    static final class StopsTooEarly extends ExpectedCalibrationErrorReference {
        @Override
        public double fitTemperature(double[][] logits, int[] labels) {
            checkLabels(logits, labels);
            double a = MIN_T, b = MAX_T, r = (Math.sqrt(5) - 1) / 2;
            while (b - a > 1e-3) {
                double c = b - r * (b - a), d = a + r * (b - a);
                if (meanNll(logits, labels, 1 / c) < meanNll(logits, labels, 1 / d)) b = d; else a = c;
            }
            return (a + b) / 2;
        }
    }

    /** Ignores the interval: bisects 1/T over [1e-3, 1e3], so perfectly separated data gets T = 0.001. */
    static final class IgnoresTheInterval extends ExpectedCalibrationErrorReference {
        @Override
        public double fitTemperature(double[][] logits, int[] labels) {
            checkLabels(logits, labels);
            double lo = 1e-3, hi = 1e3;
            for (int it = 0; it < 200; it++) {
                double mid = 0.5 * (lo + hi);
                if (slope(logits, labels, mid) > 0) hi = mid; else lo = mid;
            }
            return 2 / (lo + hi);
        }
    }
}
