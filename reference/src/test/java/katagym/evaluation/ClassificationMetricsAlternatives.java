package katagym.evaluation;

/** Correct solutions written unlike the reference. */
final class ClassificationMetricsAlternatives {
    private ClassificationMetricsAlternatives() {}

    /** Counts TP, predicted and actual per class in one pass, F1 as 2TP / (2TP + FP + FN) (0 when that is 0/0). */
    static final class CountsAndTheCountFormulaOfF1 implements ClassificationMetrics {
        private static int[][] counts(int[] actual, int[] predicted, int k) {
            int[][] c = new int[3][k]; // tp, predicted, actual
            for (int i = 0; i < actual.length; i++) {
                if (actual[i] == predicted[i]) c[0][actual[i]]++;
                c[1][predicted[i]]++;
                c[2][actual[i]]++;
            }
            return c;
        }

        @Override
        public int[][] confusionMatrix(int[] actual, int[] predicted, int numClasses) {
            int[][] cm = new int[numClasses][numClasses];
            for (int i = 0; i < actual.length; i++) cm[actual[i]][predicted[i]] += 1;
            return cm;
        }

        @Override
        public double[] precision(int[] actual, int[] predicted, int numClasses) {
            int[][] c = counts(actual, predicted, numClasses);
            double[] p = new double[numClasses];
            for (int k = 0; k < numClasses; k++) p[k] = c[1][k] == 0 ? 0 : c[0][k] / (double) c[1][k];
            return p;
        }

        @Override
        public double[] recall(int[] actual, int[] predicted, int numClasses) {
            int[][] c = counts(actual, predicted, numClasses);
            double[] r = new double[numClasses];
            for (int k = 0; k < numClasses; k++) r[k] = c[2][k] == 0 ? 0 : c[0][k] / (double) c[2][k];
            return r;
        }

        @Override
        public double[] f1(int[] actual, int[] predicted, int numClasses) {
            int[][] c = counts(actual, predicted, numClasses);
            double[] f = new double[numClasses];
            for (int k = 0; k < numClasses; k++) {
                int den = c[1][k] + c[2][k]; // 2TP + FP + FN
                f[k] = den == 0 ? 0 : 2.0 * c[0][k] / den;
            }
            return f;
        }

        @Override
        public double macroF1(int[] actual, int[] predicted, int numClasses) {
            int[][] c = counts(actual, predicted, numClasses);
            double[] f = f1(actual, predicted, numClasses);
            double sum = 0;
            int present = 0;
            for (int k = 0; k < numClasses; k++) if (c[1][k] + c[2][k] > 0) { sum += f[k]; present++; }
            return sum / present;
        }
    }
}
