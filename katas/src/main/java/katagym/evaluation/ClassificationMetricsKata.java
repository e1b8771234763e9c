package katagym.evaluation;

import katagym.NotImplementedYet;

/**
 * Kata {@code classification-metrics}.
 * Statement: katas/src/main/resources/statements/classification-metrics.md ({@code ./kata show classification-metrics}).
 */
public final class ClassificationMetricsKata implements ClassificationMetrics {

    /** cm[actual class][predicted class], numClasses x numClasses. */
    @Override
    public int[][] confusionMatrix(int[] actual, int[] predicted, int numClasses) {
        throw new NotImplementedYet("ClassificationMetricsKata.confusionMatrix");
    }

    /** Per class TP / (TP + FP); 0 for a class that is never predicted. */
    @Override
    public double[] precision(int[] actual, int[] predicted, int numClasses) {
        throw new NotImplementedYet("ClassificationMetricsKata.precision");
    }

    /** Per class TP / (TP + FN); 0 for a class that never occurs. */
    @Override
    public double[] recall(int[] actual, int[] predicted, int numClasses) {
        throw new NotImplementedYet("ClassificationMetricsKata.recall");
    }

    /** Per class harmonic mean 2PR / (P + R); 0 when P + R = 0. */
    @Override
    public double[] f1(int[] actual, int[] predicted, int numClasses) {
        throw new NotImplementedYet("ClassificationMetricsKata.f1");
    }

    /** Plain mean of f1 over the classes occurring in actual or predicted. */
    @Override
    public double macroF1(int[] actual, int[] predicted, int numClasses) {
        throw new NotImplementedYet("ClassificationMetricsKata.macroF1");
    }
}
