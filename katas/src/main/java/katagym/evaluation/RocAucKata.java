package katagym.evaluation;

import katagym.NotImplementedYet;

/**
 * Kata {@code roc-auc}.
 * Statement: katas/src/main/resources/statements/roc-auc.md ({@code ./kata show roc-auc}).
 */
public final class RocAucKata implements RocAuc {

    /**
     * The ROC curve: thresholds +Infinity, then the distinct scores in decreasing order; fpr[k] and
     * tpr[k] are the fractions of negatives and positives scoring {@code >= thresholds[k]}. Throw
     * IllegalArgumentException unless both labels 0 and 1 occur. Do not modify the arguments.
     */
    @Override
    public Curve rocCurve(double[] scores, int[] labels) {
        throw new NotImplementedYet("RocAucKata.rocCurve");
    }

    /**
     * The trapezoidal area under that curve: P(score of a random positive > score of a random
     * negative) + 1/2 P(tie). Throw IllegalArgumentException unless both classes occur.
     */
    @Override
    public double auc(double[] scores, int[] labels) {
        throw new NotImplementedYet("RocAucKata.auc");
    }
}
