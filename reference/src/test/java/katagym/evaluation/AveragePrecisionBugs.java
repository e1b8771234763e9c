package katagym.evaluation;

import java.util.Arrays;

/** Plausible learner bugs the average-precision spec must catch. */
final class AveragePrecisionBugs {
    private AveragePrecisionBugs() {}

    /** Walks the sorted samples one at a time: a tied group is split, so its precision depends on the input order. */
    static final class IgnoresTies extends AveragePrecisionReference {
        @Override
        public double averagePrecision(double[] scores, int[] labels) {
            int positives = positives(scores, labels);
            Integer[] order = RocAucReference.byDescendingScore(scores);
            double ap = 0;
            int tp = 0;
            for (int i = 0; i < order.length; i++) {
                if (labels[order[i]] == 1) {
                    tp++;
                    ap += (double) tp / (i + 1) / positives;
                }
            }
            return ap;
        }
    }

    /** The trapezoidal area under the PR curve (sklearn's auc(recall, precision)) instead of the step sum. */
    static final class Trapezoidal extends AveragePrecisionReference {
        @Override
        public double averagePrecision(double[] scores, int[] labels) {
            Curve c = precisionRecallCurve(scores, labels);
            double area = 0;
            for (int k = 0; k + 1 < c.recall().length; k++) area += (c.recall()[k] - c.recall()[k + 1]) * (c.precision()[k] + c.precision()[k + 1]) / 2;
            return area;
        }
    }

    /** Pascal VOC habit: interpolated precision (the maximum precision at any recall >= this one). */
    static final class InterpolatedPrecision extends AveragePrecisionReference {
        @Override
        public double averagePrecision(double[] scores, int[] labels) {
            Curve c = precisionRecallCurve(scores, labels);
            double[] p = c.precision().clone();
            for (int k = 1; k < p.length; k++) p[k] = Math.max(p[k], p[k - 1]); // recall decreases with k
            double ap = 0;
            for (int k = 0; k + 1 < c.recall().length; k++) ap += (c.recall()[k] - c.recall()[k + 1]) * p[k];
            return ap;
        }
    }

    /** Returns the points in decreasing threshold order (as they were computed) and forgets to reverse them. */
    static final class NotReversed extends AveragePrecisionReference {
        @Override
        public Curve precisionRecallCurve(double[] scores, int[] labels) {
            Curve c = super.precisionRecallCurve(scores, labels);
            int m = c.thresholds().length;
            double[] p = new double[m + 1], r = new double[m + 1], t = new double[m];
            for (int k = 0; k < m; k++) {
                p[k] = c.precision()[m - 1 - k];
                r[k] = c.recall()[m - 1 - k];
                t[k] = c.thresholds()[m - 1 - k];
            }
            p[m] = 1;
            return new Curve(p, r, t);
        }
    }

    /** Forgets the extra last point (precision 1, recall 0): the first recall step is lost from the sum. */
    static final class NoFinalPoint extends AveragePrecisionReference {
        @Override
        public Curve precisionRecallCurve(double[] scores, int[] labels) {
            Curve c = super.precisionRecallCurve(scores, labels);
            int m = c.thresholds().length;
            return new Curve(Arrays.copyOf(c.precision(), m), Arrays.copyOf(c.recall(), m), c.thresholds());
        }
    }

    /** Weights each recall step by the precision at the other end of the step: precision[k + 1]. */
    static final class WrongEndOfTheStep extends AveragePrecisionReference {
        @Override
        public double averagePrecision(double[] scores, int[] labels) {
            Curve c = precisionRecallCurve(scores, labels);
            double ap = 0;
            for (int k = 0; k + 1 < c.recall().length; k++) ap += (c.recall()[k] - c.recall()[k + 1]) * c.precision()[k + 1];
            return ap;
        }
    }

    /** No positive: returns 0 quietly instead of throwing. */
    static final class ZeroWithoutPositives extends AveragePrecisionReference {
        @Override
        public double averagePrecision(double[] scores, int[] labels) {
            if (Arrays.stream(labels).sum() == 0) return 0;
            return super.averagePrecision(scores, labels);
        }
    }

    /** Groups ties with Double.compare (a TreeMap<Double, ...>): -0.0 and 0.0 become two thresholds. */
    static final class NegativeZeroIsAnotherScore extends AveragePrecisionReference {
        @Override
        public Curve precisionRecallCurve(double[] scores, int[] labels) {
            int positives = positives(scores, labels);
            java.util.TreeMap<Double, int[]> groups = new java.util.TreeMap<>();
            for (int i = 0; i < scores.length; i++) groups.computeIfAbsent(scores[i], k -> new int[2])[labels[i]]++;
            int m = groups.size();
            double[] p = new double[m + 1], r = new double[m + 1], t = new double[m];
            int k = m - 1, tp = 0, all = 0;
            for (var e : groups.descendingMap().entrySet()) {
                tp += e.getValue()[1];
                all += e.getValue()[0] + e.getValue()[1];
                p[k] = (double) tp / all;
                r[k] = (double) tp / positives;
                t[k] = e.getKey();
                k--;
            }
            p[m] = 1;
            return new Curve(p, r, t);
        }
    }
}
