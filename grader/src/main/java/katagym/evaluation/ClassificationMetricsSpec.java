package katagym.evaluation;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;

import java.util.Arrays;
import java.util.List;
import katagym.grader.prop.Gen;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class ClassificationMetricsSpec implements KataSpec<ClassificationMetrics> {

    /** Actual and predicted class ids in [0, numClasses). */
    record Case(int numClasses, int[] actual, int[] predicted) {}

    private static final double[] CLASS_WEIGHTS = {0.6, 0.2, 0.1, 0.06, 0.04};

    /**
     * 1..40 samples of 2..5 classes, imbalanced (class 0 is the majority, the last classes are rare or
     * absent), predicted by a noisy classifier, a majority-class classifier or at random.
     */
    static Gen<Case> cases() {
        return s -> {
            int k = s.intBetween(2, 5);
            int n = s.intBetween(1, 40);
            int classifier = s.weighted(0.6, 0.2, 0.2);
            double[] weights = Arrays.copyOf(CLASS_WEIGHTS, k);
            int[] actual = new int[n], predicted = new int[n];
            for (int i = 0; i < n; i++) {
                actual[i] = s.weighted(weights);
                predicted[i] = switch (classifier) {
                    case 0 -> s.chance(0.6) ? actual[i] : s.intBetween(0, k - 1);
                    case 1 -> 0;
                    default -> s.intBetween(0, k - 1);
                };
            }
            return new Case(k, actual, predicted);
        };
    }

    /** Per class: [TP, samples predicted c, samples that are c], counted here without the subject. */
    static int[][] counts(Case c) {
        int[][] out = new int[c.numClasses()][3];
        for (int i = 0; i < c.actual().length; i++) {
            if (c.actual()[i] == c.predicted()[i]) out[c.actual()[i]][0]++;
            out[c.predicted()[i]][1]++;
            out[c.actual()[i]][2]++;
        }
        return out;
    }

    static double ratio(int num, int den) { return den == 0 ? 0 : (double) num / den; }

    @Override
    public Class<ClassificationMetrics> contract() { return ClassificationMetrics.class; }

    @Override
    public List<Check<ClassificationMetrics>> checks() {
        return List.of(
            Check.<ClassificationMetrics>oracle("confusionMatrixMatchesReference", ctx -> ctx.forAll(cases(), c ->
                equal("confusion matrix", ctx.oracle().confusionMatrix(c.actual(), c.predicted(), c.numClasses()),
                        pure("confusionMatrix(actual, predicted, k)", () -> ctx.subject().confusionMatrix(c.actual(), c.predicted(), c.numClasses()),
                                c.actual(), c.predicted()))))
                .enforces("cmValue", "noModify")
                .hint("A numClasses x numClasses matrix, rows the actual class, columns the predicted one, whatever labels happen to occur."),

            Check.<ClassificationMetrics>oracle("precisionRecallAndF1MatchReference", ctx -> ctx.forAll(cases(), c -> {
                ClassificationMetrics o = ctx.oracle(), s = ctx.subject();
                close("precision", o.precision(c.actual(), c.predicted(), c.numClasses()),
                        pure("precision(actual, predicted, k)", () -> s.precision(c.actual(), c.predicted(), c.numClasses()), c.actual(), c.predicted()));
                close("recall", o.recall(c.actual(), c.predicted(), c.numClasses()),
                        pure("recall(actual, predicted, k)", () -> s.recall(c.actual(), c.predicted(), c.numClasses()), c.actual(), c.predicted()));
                close("f1", o.f1(c.actual(), c.predicted(), c.numClasses()),
                        pure("f1(actual, predicted, k)", () -> s.f1(c.actual(), c.predicted(), c.numClasses()), c.actual(), c.predicted()));
            }))
                .enforces("precisionValue", "recallValue", "f1Value", "noModify")
                .hint("Compute all three from one confusion matrix; compare class by class with the reference on the counterexample."),

            Check.<ClassificationMetrics>oracle("macroF1MatchesReference", ctx -> ctx.forAll(cases(), c ->
                close("macro F1", ctx.oracle().macroF1(c.actual(), c.predicted(), c.numClasses()),
                        (double) pure("macroF1(actual, predicted, k)", () -> (Double) ctx.subject().macroF1(c.actual(), c.predicted(), c.numClasses()),
                                c.actual(), c.predicted()))))
                .enforces("macroF1Value", "noModify")
                .hint("Macro F1 is the plain mean of f1[c] over the classes that occur in actual or in predicted."),

            Check.<ClassificationMetrics>invariant("confusionMatrixCountsEverySampleOnce", ctx -> ctx.forAll(cases(), c -> {
                int k = c.numClasses();
                int[][] cm = ctx.subject().confusionMatrix(c.actual(), c.predicted(), k);
                shape("confusion matrix", cm, k, k);
                int[][] counts = counts(c);
                long total = 0, trace = 0;
                for (int i = 0; i < k; i++) {
                    int row = 0, col = 0;
                    for (int j = 0; j < k; j++) {
                        int a = i, b = j;
                        that(cm[i][j] >= 0, () -> "cm[" + a + "][" + b + "] = " + cm[a][b] + " is negative");
                        row += cm[i][j];
                        col += cm[j][i];
                        total += cm[i][j];
                    }
                    trace += cm[i][i];
                    int r = row, co = col, ci = i;
                    that(r == counts[i][2], () -> "row " + ci + " of the confusion matrix sums to " + r + ", but " + counts[ci][2]
                            + " samples are of actual class " + ci + " (rows are actual classes, columns predicted)");
                    that(co == counts[i][1], () -> "column " + ci + " sums to " + co + ", but " + counts[ci][1] + " samples are predicted " + ci);
                }
                long t = total, tr = trace;
                that(t == c.actual().length, () -> "the confusion matrix sums to " + t + ", not to the " + c.actual().length + " samples");
                long correct = Arrays.stream(counts(c)).mapToLong(x -> x[0]).sum();
                that(tr == correct, () -> "the diagonal sums to " + tr + ", but " + correct + " predictions are correct");
            })).hint("cm[actual[i]][predicted[i]]++ : rows are the true classes, columns the predicted ones (scikit-learn's layout).")
                .enforces("cmValue"),

            Check.<ClassificationMetrics>invariant("precisionAndRecallAreRatiosOfCountsInUnitInterval", ctx -> ctx.forAll(cases(), c -> {
                double[] p = ctx.subject().precision(c.actual(), c.predicted(), c.numClasses());
                double[] r = ctx.subject().recall(c.actual(), c.predicted(), c.numClasses());
                shape("precision", p, c.numClasses());
                shape("recall", r, c.numClasses());
                finite("precision", p);
                finite("recall", r);
                int[][] counts = counts(c);
                for (int k = 0; k < c.numClasses(); k++) {
                    int cl = k;
                    that(p[k] >= 0 && p[k] <= 1 && r[k] >= 0 && r[k] <= 1,
                            () -> "class " + cl + ": precision " + p[cl] + " and recall " + r[cl] + " must lie in [0, 1]");
                    close("precision[" + k + "] = TP / (samples predicted " + k + ") = " + counts[k][0] + "/" + counts[k][1] + " (0 if none)",
                            ratio(counts[k][0], counts[k][1]), p[k]);
                    close("recall[" + k + "] = TP / (samples of class " + k + ") = " + counts[k][0] + "/" + counts[k][2] + " (0 if none)",
                            ratio(counts[k][0], counts[k][2]), r[k]);
                }
            })).hint("Precision divides by what was predicted c (a column sum), recall by what truly is c (a row sum). When the denominator is 0 the result is 0, not NaN.")
                .enforces("precisionValue", "recallValue", "zeroDivision"),

            Check.<ClassificationMetrics>invariant("f1IsTheHarmonicMeanOfPrecisionAndRecall", ctx -> ctx.forAll(cases(), c -> {
                double[] p = ctx.subject().precision(c.actual(), c.predicted(), c.numClasses());
                double[] r = ctx.subject().recall(c.actual(), c.predicted(), c.numClasses());
                double[] f = ctx.subject().f1(c.actual(), c.predicted(), c.numClasses());
                shape("f1", f, c.numClasses());
                for (int k = 0; k < f.length; k++) {
                    double harmonic = p[k] + r[k] == 0 ? 0 : 2 * p[k] * r[k] / (p[k] + r[k]);
                    close("f1[" + k + "] (2PR/(P+R) with P = " + p[k] + ", R = " + r[k] + ")", harmonic, f[k]);
                }
            })).hint("F1 is the harmonic mean 2PR/(P+R), not (P+R)/2: it is dragged toward the smaller of the two. Return 0 when P + R = 0.")
                .enforces("f1Value", "zeroDivision"),

            Check.<ClassificationMetrics>invariant("perfectPredictionsScoreOne", ctx -> ctx.forAll(cases(), c -> {
                int[] a = c.actual();
                int[] same = a.clone();
                int k = c.numClasses();
                int[][] cm = ctx.subject().confusionMatrix(a, same, k);
                int[][] counts = counts(new Case(k, a, same));
                double[] p = ctx.subject().precision(a, same, k), r = ctx.subject().recall(a, same, k), f = ctx.subject().f1(a, same, k);
                for (int i = 0; i < k; i++) {
                    double expected = counts[i][2] > 0 ? 1 : 0;
                    String which = counts[i][2] > 0 ? " (class " + i + " occurs: 1)" : " (class " + i + " never occurs: 0)";
                    close("precision[" + i + "]" + which, expected, p[i]);
                    close("recall[" + i + "]" + which, expected, r[i]);
                    close("f1[" + i + "]" + which, expected, f[i]);
                    for (int j = 0; j < k; j++) {
                        int x = i, y = j;
                        that(i == j || cm[i][j] == 0, () -> "perfect predictions, yet cm[" + x + "][" + y + "] = " + cm[x][y]);
                    }
                }
                close("macro F1 of perfect predictions", 1.0, ctx.subject().macroF1(a, same, k));
            }))
                .enforces("precisionValue", "recallValue", "f1Value", "macroF1Value", "cmValue", "zeroDivision")
                .hint("With predicted = actual every class that occurs scores 1 and a class that occurs nowhere scores 0, not NaN and not 1."),

            Check.<ClassificationMetrics>invariant("swappingActualAndPredictedSwapsPrecisionAndRecall", ctx -> ctx.forAll(cases(), c -> {
                ClassificationMetrics s = ctx.subject();
                int k = c.numClasses();
                close("precision(actual, predicted) vs recall(predicted, actual)",
                        s.recall(c.predicted(), c.actual(), k), s.precision(c.actual(), c.predicted(), k));
                close("f1(actual, predicted) vs f1(predicted, actual)", s.f1(c.predicted(), c.actual(), k), s.f1(c.actual(), c.predicted(), k));
                int[][] cm = s.confusionMatrix(c.actual(), c.predicted(), k);
                int[][] swapped = s.confusionMatrix(c.predicted(), c.actual(), k);
                int[][] transposed = new int[k][k];
                for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) transposed[i][j] = cm[j][i];
                equal("confusionMatrix(predicted, actual) (the transpose)", transposed, swapped);
            }))
                .enforces("precisionValue", "recallValue", "f1Value", "cmValue")
                .hint("Precision of (actual, predicted) is recall of (predicted, actual): if yours disagree, one of them divides by the wrong sum."),

            Check.<ClassificationMetrics>invariant("macroF1AveragesTheClassesThatOccur", ctx -> ctx.forAll(cases(), c -> {
                double[] f = ctx.subject().f1(c.actual(), c.predicted(), c.numClasses());
                int[][] counts = counts(c);
                double sum = 0;
                int present = 0;
                for (int k = 0; k < f.length; k++) {
                    if (counts[k][1] + counts[k][2] > 0) {
                        sum += f[k];
                        present++;
                    }
                }
                close("macro F1 (the plain mean of f1 over the " + present + " classes occurring in actual or predicted)",
                        sum / present, ctx.subject().macroF1(c.actual(), c.predicted(), c.numClasses()));
            })).hint("Macro averaging gives each class the same weight, however rare, and skips classes that occur in neither array.")
                .enforces("macroF1Value"),

            Check.<ClassificationMetrics>invariant("majorityClassifierOnImbalancedData", ctx -> {
                int[] actual = {0, 0, 0, 0, 1, 2};
                int[] predicted = {0, 0, 0, 0, 0, 0};
                ctx.example("actual = " + Arrays.toString(actual) + ", predicted = " + Arrays.toString(predicted) + ", numClasses = 4", () -> {
                    ClassificationMetrics s = ctx.subject();
                    equal("confusion matrix", new int[][] {{4, 0, 0, 0}, {1, 0, 0, 0}, {1, 0, 0, 0}, {0, 0, 0, 0}}, s.confusionMatrix(actual, predicted, 4));
                    close("precision (classes 1..3 are never predicted: 0)", new double[] {4.0 / 6, 0, 0, 0}, s.precision(actual, predicted, 4));
                    close("recall (class 3 never occurs: 0)", new double[] {1, 0, 0, 0}, s.recall(actual, predicted, 4));
                    close("f1", new double[] {0.8, 0, 0, 0}, s.f1(actual, predicted, 4));
                    close("macro F1 over the classes 0, 1, 2 that occur", 0.8 / 3, s.macroF1(actual, predicted, 4));
                });
            }).hint("With zero_division=0 a class nobody predicts has precision 0: check the denominator before dividing.")
                .enforces("zeroDivision", "cmValue", "precisionValue", "recallValue", "f1Value", "macroF1Value"),

            Check.<ClassificationMetrics>example("handWorkedCases", ctx -> {
                ClassificationMetrics m = ctx.subject();
                int[] actual = {0, 0, 0, 0, 0, 0, 1, 1, 2, 2};
                int[] predicted = {0, 0, 0, 0, 0, 1, 1, 0, 0, 0};
                ctx.example("the statement's example: actual = " + Arrays.toString(actual) + ", predicted = " + Arrays.toString(predicted) + ", 3 classes", () -> {
                    equal("confusion matrix", new int[][] {{5, 1, 0}, {1, 1, 0}, {2, 0, 0}}, m.confusionMatrix(actual, predicted, 3));
                    close("precision", new double[] {5.0 / 8, 0.5, 0}, m.precision(actual, predicted, 3));
                    close("recall", new double[] {5.0 / 6, 0.5, 0}, m.recall(actual, predicted, 3));
                    close("f1", new double[] {0.7142857142857143, 0.5, 0}, m.f1(actual, predicted, 3));
                    close("macro F1", 0.4047619047619048, m.macroF1(actual, predicted, 3));
                });
                ctx.example("one sample: actual = [1], predicted = [2], 3 classes", () -> {
                    equal("confusion matrix", new int[][] {{0, 0, 0}, {0, 0, 1}, {0, 0, 0}}, m.confusionMatrix(new int[] {1}, new int[] {2}, 3));
                    close("precision", new double[] {0, 0, 0}, m.precision(new int[] {1}, new int[] {2}, 3));
                    close("f1", new double[] {0, 0, 0}, m.f1(new int[] {1}, new int[] {2}, 3));
                    close("macro F1 over classes 1 and 2 (class 0 occurs nowhere)", 0.0, m.macroF1(new int[] {1}, new int[] {2}, 3));
                });
                ctx.example("actual = [0, 0], predicted = [0, 1], 2 classes (class 1 only predicted)", () ->
                    close("macro F1 = (f1[0] + f1[1]) / 2 = (2/3 + 0) / 2", 1.0 / 3, m.macroF1(new int[] {0, 0}, new int[] {0, 1}, 2)));
            }).enforces("cmValue", "precisionValue", "recallValue", "f1Value", "macroF1Value", "zeroDivision")
                .hint("Work the statement's table by hand: a class only predicted still counts in macro F1, and 0/0 is 0.")
        );
    }
}
