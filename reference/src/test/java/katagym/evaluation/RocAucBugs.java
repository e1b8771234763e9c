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

    /** Checks for a missing class in auc only: rocCurve of a single class returns NaN rates (0/0) instead of throwing. */
    static final class CurveAcceptsASingleClass extends RocAucReference {
        @Override
        public Curve rocCurve(double[] scores, int[] labels) {
            int positives = Arrays.stream(labels).sum();
            if (positives > 0 && positives < labels.length) return super.rocCurve(scores, labels);
            double[] distinct = Arrays.stream(scores).distinct().sorted().toArray();
            int m = distinct.length + 1;
            double[] fpr = new double[m], tpr = new double[m], thresholds = new double[m];
            thresholds[0] = Double.POSITIVE_INFINITY;
            for (int k = 1; k < m; k++) {
                thresholds[k] = distinct[m - 1 - k];
                fpr[k] = positives == 0 ? (double) k / (m - 1) : Double.NaN;
                tpr[k] = positives == 0 ? Double.NaN : (double) k / (m - 1);
            }
            return new Curve(fpr, tpr, thresholds);
        }
    }

    /** Takes the thresholds from DoubleStream.distinct(), which tells -0.0 from 0.0: one score gets two points. */
    static final class MinusZeroIsADistinctScore extends RocAucReference {
        @Override
        public Curve rocCurve(double[] scores, int[] labels) {
            int[] counts = classCounts(scores, labels);
            double[] distinct = Arrays.stream(scores).boxed().distinct().mapToDouble(Double::doubleValue).sorted().toArray();
            int m = distinct.length + 1;
            double[] fpr = new double[m], tpr = new double[m], thresholds = new double[m];
            thresholds[0] = Double.POSITIVE_INFINITY;
            for (int k = 1; k < m; k++) {
                thresholds[k] = distinct[m - 1 - k];
                int tp = 0, fp = 0;
                for (int i = 0; i < scores.length; i++) if (scores[i] >= thresholds[k]) { if (labels[i] == 1) tp++; else fp++; }
                fpr[k] = (double) fp / counts[0];
                tpr[k] = (double) tp / counts[1];
            }
            return new Curve(fpr, tpr, thresholds);
        }
    }

    /** Accumulates twice the area in an int: P * N pairs overflow once P * N exceeds about 10^9 (n around 66 000). */
    static final class AreaCountedInAnInt extends RocAucReference {
        @Override
        public double auc(double[] scores, int[] labels) {
            int[] counts = classCounts(scores, labels);
            Integer[] order = byDescendingScore(scores);
            int twiceArea = 0, tp = 0;
            for (int i = 0; i < scores.length; ) {
                double t = scores[order[i]];
                int dtp = 0, dfp = 0;
                while (i < scores.length && scores[order[i]] == t) {
                    if (labels[order[i]] == 1) dtp++; else dfp++;
                    i++;
                }
                twiceArea += dfp * (2 * tp + dtp);
                tp += dtp;
            }
            return twiceArea / (2.0 * counts[1] * counts[0]);
        }
    }

    /** Sorts the caller's scores (and labels along with them) in place instead of sorting an index array. */
    static final class SortsTheCallersArrays extends RocAucReference {
        @Override
        public double auc(double[] scores, int[] labels) {
            Integer[] order = byDescendingScore(scores);
            double[] s = scores.clone();
            int[] l = labels.clone();
            for (int i = 0; i < order.length; i++) { scores[i] = s[order[i]]; labels[i] = l[order[i]]; }
            return super.auc(scores, labels);
        }
    }
}
