package katagym.evaluation;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Correct ROC/AUC solutions written unlike the reference. */
final class RocAucAlternatives {
    private RocAucAlternatives() {}

    /** The curve from a TreeMap of score -> [negatives, positives] (scores + 0.0, so -0.0 joins 0.0); auc by the rank-sum formula with average ranks for ties. */
    static final class TreeMapAndRankSum implements RocAuc {
        @Override
        public Curve rocCurve(double[] scores, int[] labels) {
            int[] counts = counts(labels);
            TreeMap<Double, int[]> groups = new TreeMap<>();
            for (int i = 0; i < scores.length; i++) groups.computeIfAbsent(scores[i] + 0.0, k -> new int[2])[labels[i]]++;
            int m = groups.size() + 1, k = 1, fp = 0, tp = 0;
            double[] fpr = new double[m], tpr = new double[m], thresholds = new double[m];
            thresholds[0] = Double.POSITIVE_INFINITY;
            for (Map.Entry<Double, int[]> e : groups.descendingMap().entrySet()) {
                fp += e.getValue()[0];
                tp += e.getValue()[1];
                thresholds[k] = e.getKey();
                fpr[k] = (double) fp / counts[0];
                tpr[k] = (double) tp / counts[1];
                k++;
            }
            return new Curve(fpr, tpr, thresholds);
        }

        @Override
        public double auc(double[] scores, int[] labels) {
            int[] counts = counts(labels);
            int n = scores.length;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(scores[a] + 0.0, scores[b] + 0.0));
            double positiveRankSum = 0;
            for (int i = 0; i < n; ) {
                int j = i;
                while (j < n && scores[order[j]] == scores[order[i]]) j++;
                double averageRank = (i + 1 + j) / 2.0; // ranks i+1 .. j
                for (int t = i; t < j; t++) if (labels[order[t]] == 1) positiveRankSum += averageRank;
                i = j;
            }
            double p = counts[1], q = counts[0];
            return (positiveRankSum - p * (p + 1) / 2) / (p * q);
        }

        private static int[] counts(int[] labels) {
            int[] c = new int[2];
            for (int l : labels) c[l]++;
            if (c[0] == 0 || c[1] == 0) throw new IllegalArgumentException("both classes are needed");
            return c;
        }
    }
}
