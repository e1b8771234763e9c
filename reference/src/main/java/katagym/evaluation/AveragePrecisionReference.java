package katagym.evaluation;

public class AveragePrecisionReference implements AveragePrecision {

    @Override
    public Curve precisionRecallCurve(double[] scores, int[] labels) {
        int positives = positives(scores, labels);
        Integer[] order = RocAucReference.byDescendingScore(scores);
        int n = scores.length;
        // points in decreasing threshold order first, reversed at the end (as scikit-learn does)
        double[] p = new double[n], r = new double[n], t = new double[n];
        int m = 0, tp = 0, fp = 0;
        for (int i = 0; i < n; ) {
            double s = scores[order[i]];
            while (i < n && scores[order[i]] == s) { // a threshold admits every tied sample at once
                if (labels[order[i]] == 1) tp++; else fp++;
                i++;
            }
            p[m] = (double) tp / (tp + fp);
            r[m] = (double) tp / positives;
            t[m] = s;
            m++;
        }
        double[] precision = new double[m + 1], recall = new double[m + 1], thresholds = new double[m];
        for (int k = 0; k < m; k++) {
            precision[k] = p[m - 1 - k];
            recall[k] = r[m - 1 - k];
            thresholds[k] = t[m - 1 - k];
        }
        precision[m] = 1;
        recall[m] = 0;
        return new Curve(precision, recall, thresholds);
    }

    @Override
    public double averagePrecision(double[] scores, int[] labels) {
        Curve c = precisionRecallCurve(scores, labels);
        double ap = 0;
        for (int k = 0; k + 1 < c.recall().length; k++) ap += (c.recall()[k] - c.recall()[k + 1]) * c.precision()[k];
        return ap;
    }

    static int positives(double[] scores, int[] labels) {
        if (scores.length != labels.length) throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        int positives = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) throw new IllegalArgumentException("label " + labels[i] + " at " + i + " is not 0 or 1");
            if (!Double.isFinite(scores[i])) throw new IllegalArgumentException("score " + scores[i] + " at " + i + " is not finite");
            positives += labels[i];
        }
        if (positives == 0) throw new IllegalArgumentException("no positive label: recall is 0/0");
        return positives;
    }

}
