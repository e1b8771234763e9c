package katagym.evaluation;

import java.util.Arrays;

public class RocAucReference implements RocAuc {

    @Override
    public Curve rocCurve(double[] scores, int[] labels) {
        int[] counts = classCounts(scores, labels);
        int positives = counts[1], negatives = counts[0];
        Integer[] order = byDescendingScore(scores);
        int n = scores.length;
        double[] fpr = new double[n + 1], tpr = new double[n + 1], thresholds = new double[n + 1];
        thresholds[0] = Double.POSITIVE_INFINITY; // nothing is predicted positive: the point (0, 0)
        int points = 1;
        int tp = 0, fp = 0;
        for (int i = 0; i < n; ) {
            double t = scores[order[i]];
            // a threshold admits every sample with an equal score at once: tied samples move the curve together
            while (i < n && scores[order[i]] == t) {
                if (labels[order[i]] == 1) tp++; else fp++;
                i++;
            }
            fpr[points] = (double) fp / negatives;
            tpr[points] = (double) tp / positives;
            thresholds[points] = t;
            points++;
        }
        return new Curve(Arrays.copyOf(fpr, points), Arrays.copyOf(tpr, points), Arrays.copyOf(thresholds, points));
    }

    @Override
    public double auc(double[] scores, int[] labels) {
        int[] counts = classCounts(scores, labels);
        Integer[] order = byDescendingScore(scores);
        int n = scores.length;
        // twice the area in units of one positive x one negative, in exact integers:
        // a group of tied scores adds a trapezoid of width dfp and heights tpBefore, tpAfter
        long twiceArea = 0;
        long tp = 0;
        for (int i = 0; i < n; ) {
            double t = scores[order[i]];
            long dtp = 0, dfp = 0;
            while (i < n && scores[order[i]] == t) {
                if (labels[order[i]] == 1) dtp++; else dfp++;
                i++;
            }
            twiceArea += dfp * (2 * tp + dtp);
            tp += dtp;
        }
        return twiceArea / (2.0 * counts[1] * counts[0]);
    }

    /** [negatives, positives]; rejects other labels, non-finite scores, mismatched lengths and a missing class. */
    static int[] classCounts(double[] scores, int[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        int[] counts = new int[2];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) throw new IllegalArgumentException("label " + labels[i] + " at " + i + " is not 0 or 1");
            if (!Double.isFinite(scores[i])) throw new IllegalArgumentException("score " + scores[i] + " at " + i + " is not finite");
            counts[labels[i]]++;
        }
        if (counts[0] == 0 || counts[1] == 0) {
            throw new IllegalArgumentException("ROC AUC needs both classes; got " + counts[1] + " positives and " + counts[0] + " negatives");
        }
        return counts;
    }

    static Integer[] byDescendingScore(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        return order;
    }
}
