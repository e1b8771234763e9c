package katagym.evaluation;

/** Plausible learner bugs the classification-metrics spec must catch. */
final class ClassificationMetricsBugs {
    private ClassificationMetricsBugs() {}

    /** F1 as the arithmetic mean (P + R) / 2 instead of the harmonic mean. */
    static final class F1ArithmeticMean extends ClassificationMetricsReference {
        @Override
        public double[] f1(int[] actual, int[] predicted, int numClasses) {
            double[] p = precision(actual, predicted, numClasses), r = recall(actual, predicted, numClasses);
            double[] f = new double[numClasses];
            for (int c = 0; c < numClasses; c++) f[c] = (p[c] + r[c]) / 2;
            return f;
        }
    }

    /** Precision divides by the row sum (actual c) and recall by the column sum (predicted c): the two are swapped. */
    static final class PrecisionAndRecallSwapped extends ClassificationMetricsReference {
        @Override
        public double[] precision(int[] actual, int[] predicted, int numClasses) {
            return super.recall(actual, predicted, numClasses);
        }

        @Override
        public double[] recall(int[] actual, int[] predicted, int numClasses) {
            return super.precision(actual, predicted, numClasses);
        }
    }

    /** Indexes the confusion matrix [predicted][actual]; precision and recall, computed from it, swap too. */
    static final class ConfusionMatrixTransposed extends ClassificationMetricsReference {
        @Override
        public int[][] confusionMatrix(int[] actual, int[] predicted, int numClasses) {
            int[][] cm = new int[numClasses][numClasses];
            for (int i = 0; i < actual.length; i++) cm[predicted[i]][actual[i]]++;
            return cm;
        }
    }

    /** Divides without checking: a class that is never predicted gets precision 0/0 = NaN. */
    static final class NaNWhenAClassIsNeverPredicted extends ClassificationMetricsReference {
        @Override
        public double[] precision(int[] actual, int[] predicted, int numClasses) {
            int[][] cm = confusionMatrix(actual, predicted, numClasses);
            double[] p = new double[numClasses];
            for (int c = 0; c < numClasses; c++) {
                int predictedC = 0;
                for (int[] row : cm) predictedC += row[c];
                p[c] = (double) cm[c][c] / predictedC;
            }
            return p;
        }
    }

    /** Weights each class's F1 by its support (scikit-learn's 'weighted'), which hides the rare classes. */
    static final class MacroF1WeightedBySupport extends ClassificationMetricsReference {
        @Override
        public double macroF1(int[] actual, int[] predicted, int numClasses) {
            double[] f = f1(actual, predicted, numClasses);
            double sum = 0;
            for (int a : actual) sum += f[a];
            return sum / actual.length;
        }
    }

    /** Averages F1 over all numClasses classes, counting classes that occur nowhere as 0. */
    static final class MacroF1CountsAbsentClasses extends ClassificationMetricsReference {
        @Override
        public double macroF1(int[] actual, int[] predicted, int numClasses) {
            double sum = 0;
            for (double v : f1(actual, predicted, numClasses)) sum += v;
            return sum / numClasses;
        }
    }

    /** Sizes the confusion matrix by the largest label seen plus one, not by numClasses: too small when the last classes are absent. */
    static final class MatrixSizedByTheLargestLabel extends ClassificationMetricsReference {
        @Override
        public int[][] confusionMatrix(int[] actual, int[] predicted, int numClasses) {
            int k = 0;
            for (int i = 0; i < actual.length; i++) k = Math.max(k, Math.max(actual[i], predicted[i]) + 1);
            int[][] cm = new int[k][k];
            for (int i = 0; i < actual.length; i++) cm[actual[i]][predicted[i]]++;
            return cm;
        }
    }

    /** F1 as 2TP / (2TP + FP + FN) without a zero guard: NaN for a class that occurs nowhere. */
    static final class F1FromCountsWithoutZeroGuard extends ClassificationMetricsReference {
        @Override
        public double[] f1(int[] actual, int[] predicted, int numClasses) {
            int[][] cm = confusionMatrix(actual, predicted, numClasses);
            double[] f = new double[numClasses];
            for (int c = 0; c < numClasses; c++) {
                int row = 0, col = 0;
                for (int j = 0; j < numClasses; j++) { row += cm[c][j]; col += cm[j][c]; }
                f[c] = 2.0 * cm[c][c] / (row + col);
            }
            return f;
        }
    }

    /** Averages F1 over the classes of actual only, leaving out classes that are only predicted (false alarms cost nothing). */
    static final class MacroF1OverActualClassesOnly extends ClassificationMetricsReference {
        @Override
        public double macroF1(int[] actual, int[] predicted, int numClasses) {
            double[] f = f1(actual, predicted, numClasses);
            boolean[] present = new boolean[numClasses];
            for (int a : actual) present[a] = true;
            double sum = 0;
            int classes = 0;
            for (int c = 0; c < numClasses; c++) if (present[c]) { sum += f[c]; classes++; }
            return sum / classes;
        }
    }

    /** Zero division gives 1 (as if nothing predicted were "all correct"): the wrong zero_division default. */
    static final class ZeroDivisionGivesOne extends ClassificationMetricsReference {
        @Override
        public double[] precision(int[] actual, int[] predicted, int numClasses) {
            double[] p = super.precision(actual, predicted, numClasses);
            boolean[] isPredicted = new boolean[numClasses];
            for (int x : predicted) isPredicted[x] = true;
            for (int c = 0; c < numClasses; c++) if (!isPredicted[c]) p[c] = 1;
            return p;
        }
    }

    /** Sorts actual in place to list the classes present: the caller's labels come back reordered. */
    static final class SortsActualToFindTheClasses extends ClassificationMetricsReference {
        @Override
        public double macroF1(int[] actual, int[] predicted, int numClasses) {
            double result = super.macroF1(actual.clone(), predicted, numClasses);
            java.util.Arrays.sort(actual);
            return result;
        }
    }
}
