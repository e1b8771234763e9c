package katagym.evaluation;

import katagym.NotImplementedYet;

/**
 * Kata {@code average-precision}.
 * Statement: katas/src/main/resources/statements/average-precision.md ({@code ./kata show average-precision}).
 */
public final class AveragePrecisionKata implements AveragePrecision {

    /**
     * scikit-learn's precision_recall_curve: thresholds = the distinct scores in increasing order;
     * precision[k] and recall[k] over the samples scoring >= thresholds[k]; then a last point
     * precision 1, recall 0. Throw IllegalArgumentException when no label is 1. New arrays.
     */
    @Override
    public Curve precisionRecallCurve(double[] scores, int[] labels) {
        throw new NotImplementedYet("AveragePrecisionKata.precisionRecallCurve");
    }

    /**
     * scikit-learn's average_precision_score: sum over the curve of (recall[k] - recall[k+1]) *
     * precision[k], no interpolation. Throw IllegalArgumentException when no label is 1.
     */
    @Override
    public double averagePrecision(double[] scores, int[] labels) {
        throw new NotImplementedYet("AveragePrecisionKata.averagePrecision");
    }
}
