package katagym.evaluation;

import katagym.grader.spec.Clause;

/**
 * Kata {@code classification-metrics}: the confusion matrix and per-class precision, recall and F1
 * of a single-label classifier over classes {@code 0..numClasses-1}, as scikit-learn's
 * {@code confusion_matrix} and {@code precision_recall_fscore_support(average=None, zero_division=0)}.
 *
 * <p>{@code actual} and {@code predicted} have the same length n >= 1 and hold class ids in
 * {@code [0, numClasses)}. No method modifies its arguments.
 *
 * <p>Zero division gives 0 (scikit-learn's {@code zero_division=0}): the precision of a class that is
 * never predicted is 0, the recall of a class that never occurs is 0, and F1 is 0 when precision
 * and recall are both 0. No method ever returns NaN.
 */
@Clause(id = "noModify", value = "No method modifies its arguments.")
@Clause(id = "zeroDivision", value = "Zero division gives 0: precision of a class never predicted, recall of a class that never occurs, F1 when P + R = 0; no method ever returns NaN.")
public interface ClassificationMetrics {

    /** {@code cm[i][j]} = number of samples of actual class i predicted as class j (rows actual, columns predicted); numClasses x numClasses. */
    @Clause(id = "cmValue", value = "confusionMatrix is numClasses x numClasses and cm[i][j] counts the samples of actual class i predicted as j (rows actual, columns predicted).")
    int[][] confusionMatrix(int[] actual, int[] predicted, int numClasses);

    /** {@code precision[c] = TP_c / (TP_c + FP_c)}: of the samples predicted c, the fraction that are c (0 if none is predicted c). */
    @Clause(id = "precisionValue", value = "precision[c] = TP_c / (samples predicted c), one entry per class 0..numClasses-1.")
    double[] precision(int[] actual, int[] predicted, int numClasses);

    /** {@code recall[c] = TP_c / (TP_c + FN_c)}: of the samples that are c, the fraction predicted c (0 if no sample is c). */
    @Clause(id = "recallValue", value = "recall[c] = TP_c / (samples of actual class c), one entry per class 0..numClasses-1.")
    double[] recall(int[] actual, int[] predicted, int numClasses);

    /** {@code f1[c]}: the harmonic mean {@code 2 P R / (P + R)} of precision and recall, 0 when both are 0. */
    @Clause(id = "f1Value", value = "f1[c] = 2 P R / (P + R), the harmonic mean of precision[c] and recall[c].")
    double[] f1(int[] actual, int[] predicted, int numClasses);

    /**
     * The unweighted mean of {@code f1[c]} over the classes that occur in {@code actual} or in
     * {@code predicted} (scikit-learn's {@code f1_score(average='macro')} without a labels argument):
     * a class that occurs in neither is left out, not averaged in as 0.
     */
    @Clause(id = "macroF1Value", value = "macroF1 is the unweighted mean of f1[c] over the classes occurring in actual or in predicted; a class occurring in neither is left out.")
    double macroF1(int[] actual, int[] predicted, int numClasses);
}
