package katagym.evaluation;

import katagym.grader.spec.Clause;

/**
 * Kata {@code average-precision}: the precision-recall curve and average precision of real-valued
 * scores for binary labels, with ties, exactly as scikit-learn's {@code precision_recall_curve(labels,
 * scores)} and {@code average_precision_score(labels, scores)} (step-wise, no interpolation).
 *
 * <p>Labels are 0 (negative) or 1 (positive); scores are finite; a higher score means "more
 * positive". Both methods need at least one positive label and throw {@link IllegalArgumentException}
 * otherwise (scikit-learn warns and sets recall to 1: recall is 0/0 there). Negatives may be absent.
 * Neither method modifies its arguments.
 */
@Clause(id = "rejectsNoPositive", value = "precisionRecallCurve and averagePrecision each throw IllegalArgumentException when no label is 1 (recall would be 0/0).")
@Clause(id = "noModify", value = "Neither method modifies its arguments; the curve's arrays are new.")
public interface AveragePrecision {

    /**
     * With m distinct scores t_0 < t_1 < ... < t_{m-1} ({@code thresholds}, increasing; -0.0 and 0.0
     * are one score): for k < m, {@code precision[k]} = TP/(TP+FP) and {@code recall[k]} = TP/P
     * counting the samples with score {@code >= t_k}; then {@code precision[m] = 1}, {@code recall[m] = 0}.
     * So precision and recall have m + 1 entries, recall decreasing from 1 to 0.
     */
    record Curve(double[] precision, double[] recall, double[] thresholds) {}

    @Clause(id = "curvePoints", value = "precisionRecallCurve: thresholds = the distinct scores increasing (-0.0 == 0.0); precision[k], recall[k] = TP/(TP+FP), TP/P over scores >= thresholds[k]; "
            + "then the extra point precision = 1, recall = 0 (m + 1 entries).")
    Curve precisionRecallCurve(double[] scores, int[] labels);

    /**
     * AP = sum over k < m of (recall[k] - recall[k+1]) * precision[k]: each step of recall weighted by
     * the precision at its own threshold, no interpolation. Equivalently, the mean over the positive
     * samples of the precision at the threshold equal to their score.
     */
    @Clause(id = "apValue", value = "averagePrecision = sum_k (recall[k] - recall[k+1]) precision[k] over the curve: the mean over positives of the precision at their own score (ties admitted together), no interpolation.")
    double averagePrecision(double[] scores, int[] labels);
}
