package katagym.evaluation;

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
public interface ClassificationMetrics {

    /** {@code cm[i][j]} = number of samples of actual class i predicted as class j (rows actual, columns predicted); numClasses x numClasses. */
    int[][] confusionMatrix(int[] actual, int[] predicted, int numClasses);

    /** {@code precision[c] = TP_c / (TP_c + FP_c)}: of the samples predicted c, the fraction that are c (0 if none is predicted c). */
    double[] precision(int[] actual, int[] predicted, int numClasses);

    /** {@code recall[c] = TP_c / (TP_c + FN_c)}: of the samples that are c, the fraction predicted c (0 if no sample is c). */
    double[] recall(int[] actual, int[] predicted, int numClasses);

    /** {@code f1[c]}: the harmonic mean {@code 2 P R / (P + R)} of precision and recall, 0 when both are 0. */
    double[] f1(int[] actual, int[] predicted, int numClasses);

    /**
     * The unweighted mean of {@code f1[c]} over the classes that occur in {@code actual} or in
     * {@code predicted} (scikit-learn's {@code f1_score(average='macro')} without a labels argument):
     * a class that occurs in neither is left out, not averaged in as 0.
     */
    double macroF1(int[] actual, int[] predicted, int numClasses);
}
