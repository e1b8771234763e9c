package katagym.evaluation;

import java.util.Arrays;

/** Correct average-precision solutions written unlike the reference. */
final class AveragePrecisionAlternatives {
    private AveragePrecisionAlternatives() {}

    /** Sorts the distinct scores ascending and counts with two sorted arrays and binary search; AP as the mean precision at the positives. */
    static final class BinarySearchCounts implements AveragePrecision {
        @Override
        public Curve precisionRecallCurve(double[] scores, int[] labels) {
            int positives = check(scores, labels);
            double[] all = Arrays.stream(scores).map(v -> v + 0.0).sorted().toArray();
            double[] pos = java.util.stream.IntStream.range(0, scores.length).filter(i -> labels[i] == 1).mapToDouble(i -> scores[i] + 0.0).sorted().toArray();
            double[] thresholds = Arrays.stream(all).distinct().toArray();
            int m = thresholds.length;
            double[] precision = new double[m + 1], recall = new double[m + 1];
            for (int k = 0; k < m; k++) {
                int atOrAbove = all.length - firstAtLeast(all, thresholds[k]);
                int tp = pos.length - firstAtLeast(pos, thresholds[k]);
                precision[k] = (double) tp / atOrAbove;
                recall[k] = (double) tp / positives;
            }
            precision[m] = 1;
            return new Curve(precision, recall, thresholds);
        }

        @Override
        public double averagePrecision(double[] scores, int[] labels) {
            Curve c = precisionRecallCurve(scores, labels);
            double sum = 0;
            int positives = 0;
            for (int i = 0; i < scores.length; i++) {
                if (labels[i] != 1) continue;
                positives++;
                sum += c.precision()[Arrays.binarySearch(c.thresholds(), scores[i] + 0.0)];
            }
            return sum / positives;
        }

        private static int firstAtLeast(double[] sorted, double t) {
            int lo = 0, hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < t) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        private static int check(double[] scores, int[] labels) {
            int p = 0;
            for (int l : labels) p += l;
            if (p == 0) throw new IllegalArgumentException("no positive label");
            return p;
        }
    }
}
