package katagym.evaluation;

import katagym.grader.spec.Clause;

/**
 * Kata {@code roc-auc}: the ROC curve and the area under it, for binary labels and real-valued
 * scores with ties, as scikit-learn's {@code roc_curve(labels, scores, drop_intermediate=False)} and
 * {@code roc_auc_score(labels, scores)}.
 *
 * <p>Labels are 0 (negative) or 1 (positive); scores are finite; a higher score means "more
 * positive". Both methods need at least one positive and one negative label and throw
 * {@link IllegalArgumentException} otherwise. Neither may modify its arguments.
 */
@Clause(id = "rejectsOneClass", value = "rocCurve and auc each throw IllegalArgumentException unless at least one positive and one negative label occur.")
@Clause(id = "noModify", value = "Neither method modifies its arguments.")
public interface RocAuc {

    /**
     * One point per threshold: {@code fpr[k]} and {@code tpr[k]} are the fractions of negatives and
     * of positives whose score is {@code >= thresholds[k]}. {@code thresholds[0]} is
     * {@code Double.POSITIVE_INFINITY} (the point (0, 0)); the others are the distinct scores in
     * decreasing order, so the last point is (1, 1) and the arrays have (number of distinct scores + 1) elements.
     * Scores that are == are one score: -0.0 and 0.0 give a single threshold.
     */
    record Curve(double[] fpr, double[] tpr, double[] thresholds) {}

    @Clause(id = "curvePoints", value = "rocCurve: thresholds[0] = +Infinity, then the distinct scores in decreasing order (-0.0 and 0.0 are one score); "
            + "fpr[k] and tpr[k] are the fractions of negatives and of positives scoring >= thresholds[k]; so the first point is (0, 0) and the last (1, 1).")
    Curve rocCurve(double[] scores, int[] labels);

    /**
     * The area under the ROC curve by the trapezoidal rule: the probability that a random positive
     * scores higher than a random negative, a tie counting one half. Exact for any number of samples
     * (P x N pairs can exceed the int range).
     */
    @Clause(id = "aucValue", value = "auc is the trapezoidal area under rocCurve: the fraction of (positive, negative) pairs where the positive scores higher, a tie counting one half.")
    @Clause(id = "largeInputs", value = "auc is exact for any number of samples: counts of P x N pairs must not overflow an int (checked with 100 000 samples).")
    double auc(double[] scores, int[] labels);
}
