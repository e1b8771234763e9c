package katagym.evaluation;

public class ClassificationMetricsReference implements ClassificationMetrics {

    @Override
    public int[][] confusionMatrix(int[] actual, int[] predicted, int numClasses) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " actual labels but " + predicted.length + " predictions");
        }
        int[][] cm = new int[numClasses][numClasses];
        for (int i = 0; i < actual.length; i++) cm[actual[i]][predicted[i]]++;
        return cm;
    }

    @Override
    public double[] precision(int[] actual, int[] predicted, int numClasses) {
        int[][] cm = confusionMatrix(actual, predicted, numClasses);
        double[] p = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            int predictedC = 0; // column sum: TP + FP
            for (int[] row : cm) predictedC += row[c];
            p[c] = ratio(cm[c][c], predictedC);
        }
        return p;
    }

    @Override
    public double[] recall(int[] actual, int[] predicted, int numClasses) {
        int[][] cm = confusionMatrix(actual, predicted, numClasses);
        double[] r = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            int actualC = 0; // row sum: TP + FN
            for (int v : cm[c]) actualC += v;
            r[c] = ratio(cm[c][c], actualC);
        }
        return r;
    }

    @Override
    public double[] f1(int[] actual, int[] predicted, int numClasses) {
        double[] p = precision(actual, predicted, numClasses);
        double[] r = recall(actual, predicted, numClasses);
        double[] f = new double[numClasses];
        for (int c = 0; c < numClasses; c++) f[c] = p[c] + r[c] == 0 ? 0 : 2 * p[c] * r[c] / (p[c] + r[c]);
        return f;
    }

    @Override
    public double macroF1(int[] actual, int[] predicted, int numClasses) {
        double[] f = f1(actual, predicted, numClasses);
        boolean[] present = new boolean[numClasses];
        for (int a : actual) present[a] = true;
        for (int p : predicted) present[p] = true;
        double sum = 0;
        int classes = 0;
        for (int c = 0; c < numClasses; c++) {
            if (present[c]) {
                sum += f[c];
                classes++;
            }
        }
        return classes == 0 ? 0 : sum / classes;
    }

    /** num / den, and 0 for 0 / 0 (zero_division=0). */
    static double ratio(int num, int den) {
        return den == 0 ? 0 : (double) num / den;
    }
}
