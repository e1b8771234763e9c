package katagym.evaluation;

import java.util.Arrays;

/** Plausible learner bugs the roc-auc spec must catch. */
final class RocAucBugs {
    private RocAucBugs() {}

    /** Walks the samples one by one in sorted order: a tied pair counts 1 or 0 depending on input order, never 1/2. */
    static final class TiesBrokenByOrder extends RocAucReference {
        @Override
        public double auc(double[] scores, int[] labels) {
            int[] counts = classCounts(scores, labels);
            Integer[] order = byDescendingScore(scores);
            long correct = 0, tp = 0;
            for (int i : order) {
                if (labels[i] == 1) tp++;
                else correct += tp; // every positive seen so far "beats" this negative, tied or not
            }
            return (double) correct / ((long) counts[0] * counts[1]);
        }
    }

    /** Emits a curve point after every sample instead of after every group of equal scores. */
    static final class PointPerSampleNotPerThreshold extends RocAucReference {
        @Override
        public Curve rocCurve(double[] scores, int[] labels) {
            int[] counts = classCounts(scores, labels);
            Integer[] order = byDescendingScore(scores);
            int n = scores.length;
            double[] fpr = new double[n + 1], tpr = new double[n + 1], thresholds = new double[n + 1];
            thresholds[0] = Double.POSITIVE_INFINITY;
            int tp = 0, fp = 0;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                if (labels[i] == 1) tp++; else fp++;
                fpr[k + 1] = (double) fp / counts[0];
                tpr[k + 1] = (double) tp / counts[1];
                thresholds[k + 1] = scores[i];
            }
            return new Curve(fpr, tpr, thresholds);
        }
    }

    /** Forgets the starting point (0, 0) at threshold +Infinity. */
    static final class CurveMissesTheOrigin extends RocAucReference {
        @Override
        public Curve rocCurve(double[] scores, int[] labels) {
            Curve c = super.rocCurve(scores, labels);
            int m = c.fpr().length;
            return new Curve(Arrays.copyOfRange(c.fpr(), 1, m), Arrays.copyOfRange(c.tpr(), 1, m), Arrays.copyOfRange(c.thresholds(), 1, m));
        }
    }

    /** Integrates with left rectangles (height before the step) instead of trapezoids: tied pairs count 0. */
    static final class RectangleRule extends RocAucReference {
        @Override
        public double auc(double[] scores, int[] labels) {
            Curve c = rocCurve(scores, labels);
            double area = 0;
            for (int k = 1; k < c.fpr().length; k++) area += (c.fpr()[k] - c.fpr()[k - 1]) * c.tpr()[k - 1];
            return area;
        }
    }

    /** Counts scores strictly above the threshold: every point lags one group behind. */
    static final class StrictlyAboveTheThreshold extends RocAucReference {
        @Override
        public Curve rocCurve(double[] scores, int[] labels) {
            int[] counts = classCounts(scores, labels);
            double[] distinct = Arrays.stream(scores).distinct().sorted().toArray();
            int m = distinct.length + 1;
            double[] fpr = new double[m], tpr = new double[m], thresholds = new double[m];
            thresholds[0] = Double.POSITIVE_INFINITY;
            for (int k = 1; k < m; k++) thresholds[k] = distinct[m - 1 - k];
            for (int k = 0; k < m; k++) {
                int tp = 0, fp = 0;
                for (int i = 0; i < scores.length; i++) {
                    if (scores[i] > thresholds[k]) { if (labels[i] == 1) tp++; else fp++; }
                }
                fpr[k] = (double) fp / counts[0];
                tpr[k] = (double) tp / counts[1];
            }
            return new Curve(fpr, tpr, thresholds);
        }
    }

    /** Returns NaN (0/0) instead of rejecting labels of a single class. */
    static final class NaNForASingleClass extends RocAucReference {
        @Override
        public double auc(double[] scores, int[] labels) {
            int positives = Arrays.stream(labels).sum();
            if (positives == 0 || positives == labels.length) return Double.NaN;
            return super.auc(scores, labels);
        }
    }
}
