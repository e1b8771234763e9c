package katagym.evaluation;

/**
 * Kata {@code roc-auc}: the ROC curve and the area under it, for binary labels and real-valued
 * scores with ties, as scikit-learn's {@code roc_curve(labels, scores, drop_intermediate=False)} and
 * {@code roc_auc_score(labels, scores)}.
 *
 * <p>Labels are 0 (negative) or 1 (positive); scores are finite; a higher score means "more
 * positive". Both methods need at least one positive and one negative label and throw
 * {@link IllegalArgumentException} otherwise. Neither may modify its arguments.
 */
public interface RocAuc {

    /**
     * One point per threshold: {@code fpr[k]} and {@code tpr[k]} are the fractions of negatives and
     * of positives whose score is {@code >= thresholds[k]}. {@code thresholds[0]} is
     * {@code Double.POSITIVE_INFINITY} (the point (0, 0)); the others are the distinct scores in
     * decreasing order, so the last point is (1, 1) and the arrays have (number of distinct scores + 1) elements.
     */
    record Curve(double[] fpr, double[] tpr, double[] thresholds) {}

    Curve rocCurve(double[] scores, int[] labels);

    /**
     * The area under the ROC curve by the trapezoidal rule: the probability that a random positive
     * scores higher than a random negative, a tie counting one half.
     */
    double auc(double[] scores, int[] labels);
}
