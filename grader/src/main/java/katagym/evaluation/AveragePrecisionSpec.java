package katagym.evaluation;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;
import static katagym.grader.check.Checks.throwsOn;

import java.util.Arrays;
import java.util.List;
import katagym.evaluation.RocAucSpec.Case;
import katagym.grader.prop.Gen;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class AveragePrecisionSpec implements KataSpec<AveragePrecision> {

    /** The roc-auc cases (ties common, -0.0 among them, both classes), and one time in ten no negative at all. */
    static Gen<Case> cases() {
        return s -> {
            Case c = RocAucSpec.cases().generate(s);
            if (s.chance(0.1)) {
                int[] all = new int[c.labels().length];
                Arrays.fill(all, 1);
                return new Case(c.scores(), all);
            }
            return c;
        };
    }

    /** Precision at threshold t: positives / all among the samples scoring >= t. */
    static double precisionAt(double[] scores, int[] labels, double t) {
        int tp = 0, all = 0;
        for (int i = 0; i < scores.length; i++) if (scores[i] >= t) { all++; tp += labels[i]; }
        return (double) tp / all;
    }

    /** AP by definition, O(n^2): the mean over the positives of the precision at their own score. */
    static double meanPrecisionAtPositives(double[] scores, int[] labels) {
        double sum = 0;
        int positives = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i] != 1) continue;
            positives++;
            sum += precisionAt(scores, labels, scores[i]);
        }
        return sum / positives;
    }

    @Override
    public Class<AveragePrecision> contract() { return AveragePrecision.class; }

    @Override
    public List<Check<AveragePrecision>> checks() {
        return List.of(
            Check.<AveragePrecision>oracle("curveMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                AveragePrecision.Curve expected = ctx.oracle().precisionRecallCurve(c.scores(), c.labels());
                AveragePrecision.Curve actual = pure("precisionRecallCurve(scores, labels)",
                        () -> ctx.subject().precisionRecallCurve(c.scores(), c.labels()), c.scores(), c.labels());
                close("thresholds", expected.thresholds(), actual.thresholds());
                close("precision", expected.precision(), actual.precision());
                close("recall", expected.recall(), actual.recall());
            })).enforces("curvePoints", "noModify")
                .hint("One point per distinct score, in INCREASING threshold order, then the extra point (precision 1, recall 0)."),

            Check.<AveragePrecision>oracle("averagePrecisionMatchesReference", ctx -> ctx.forAll(cases(), c ->
                close("averagePrecision", ctx.oracle().averagePrecision(c.scores(), c.labels()),
                        (double) pure("averagePrecision(scores, labels)", () -> (Double) ctx.subject().averagePrecision(c.scores(), c.labels()), c.scores(), c.labels()))))
                .enforces("apValue", "noModify")
                .hint("AP = sum_k (recall[k] - recall[k+1]) * precision[k]: rectangles, with each step's own precision."),

            Check.<AveragePrecision>invariant("averagePrecisionIsTheMeanPrecisionAtThePositives", ctx -> ctx.forAll(cases(), c ->
                close("averagePrecision (the mean over positives of the precision among scores >= theirs)",
                        meanPrecisionAtPositives(c.scores(), c.labels()), ctx.subject().averagePrecision(c.scores(), c.labels()))))
                .enforces("apValue")
                .hint("Each positive adds 1/P of recall at its own threshold, weighted by the precision there: no trapezoids, no max-to-the-right interpolation, and tied samples enter together."),

            Check.<AveragePrecision>invariant("curvePointsCountTheScoresAtOrAboveEachThreshold", ctx -> ctx.forAll(cases(), c -> {
                AveragePrecision.Curve curve = ctx.subject().precisionRecallCurve(c.scores(), c.labels());
                double[] distinct = Arrays.stream(c.scores()).map(v -> v + 0.0).distinct().sorted().toArray(); // + 0.0 folds -0.0 into 0.0
                int m = distinct.length;
                that(curve.thresholds().length == m && curve.precision().length == m + 1 && curve.recall().length == m + 1,
                        () -> "expected " + m + " thresholds (the distinct scores) and " + (m + 1) + " precision/recall values, got lengths "
                                + curve.thresholds().length + "/" + curve.precision().length + "/" + curve.recall().length);
                int positives = Arrays.stream(c.labels()).sum();
                for (int k = 0; k < m; k++) {
                    double t = distinct[k];
                    close("thresholds[" + k + "] (the distinct scores, increasing)", t, curve.thresholds()[k]);
                    int tp = 0;
                    for (int i = 0; i < c.scores().length; i++) if (c.scores()[i] >= t) tp += c.labels()[i];
                    close("precision[" + k + "] (positives among scores >= " + t + ")", precisionAt(c.scores(), c.labels(), t), curve.precision()[k]);
                    close("recall[" + k + "] (positives scoring >= " + t + ", over all positives)", (double) tp / positives, curve.recall()[k]);
                }
                equal("precision[m] (the extra last point)", 1.0, curve.precision()[m]);
                equal("recall[m] (the extra last point)", 0.0, curve.recall()[m]);
            })).enforces("curvePoints")
                .hint("Sort by decreasing score, emit a point after each whole group of equal scores, then reverse and append (precision 1, recall 0)."),

            Check.<AveragePrecision>invariant("averagePrecisionIsTheStepSumOverTheReturnedCurve", ctx -> ctx.forAll(cases(), c -> {
                AveragePrecision.Curve curve = ctx.subject().precisionRecallCurve(c.scores(), c.labels());
                double steps = 0;
                for (int k = 0; k + 1 < curve.recall().length; k++) steps += (curve.recall()[k] - curve.recall()[k + 1]) * curve.precision()[k];
                close("averagePrecision vs sum_k (recall[k] - recall[k+1]) precision[k] of the returned curve", steps,
                        ctx.subject().averagePrecision(c.scores(), c.labels()));
            })).enforces("apValue", "curvePoints")
                .hint("averagePrecision must agree with the curve: each recall step times the precision at the SAME index (the left end of the step)."),

            Check.<AveragePrecision>invariant("averagePrecisionDependsOnTheRankingOnly", ctx -> ctx.forAll(s -> {
                Case c = cases().generate(s);
                double[] distinct = Arrays.stream(c.scores()).map(v -> v + 0.0).distinct().sorted().toArray();
                double[] image = new double[distinct.length];
                double v = s.intBetween(-50, 50);
                for (int k = 0; k < distinct.length; k++) image[k] = v += 0.25 * s.intBetween(1, 40);
                double[] transformed = new double[c.scores().length];
                for (int i = 0; i < transformed.length; i++) transformed[i] = image[Arrays.binarySearch(distinct, c.scores()[i] + 0.0)];
                return new RocAucSpec.Transformed(c, transformed);
            }, t -> close("averagePrecision of the transformed scores", ctx.subject().averagePrecision(t.original().scores(), t.original().labels()),
                    ctx.subject().averagePrecision(t.transformed(), t.original().labels()))))
                .enforces("apValue")
                .hint("AP uses the order and the equality of scores, never their values: a strictly increasing map leaves it unchanged."),

            Check.<AveragePrecision>invariant("curveArraysAreNew", ctx -> ctx.forAll(cases(), c ->
                fresh("precisionRecallCurve(scores, labels)", () -> ctx.subject().precisionRecallCurve(c.scores(), c.labels()), c.scores(), c.labels())))
                .enforces("noModify")
                .hint("Build new arrays for each curve: never sort the caller's scores in place or hand back a buffer kept between calls."),

            Check.<AveragePrecision>invariant("rejectsLabelsWithoutAPositive", ctx -> ctx.forAll(s -> {
                Case c = cases().generate(s);
                return new Case(c.scores(), new int[c.labels().length]);
            }, c -> {
                String why = "no positive label: recall is 0/0";
                throwsOn("averagePrecision(scores, labels)", IllegalArgumentException.class, why, () -> ctx.subject().averagePrecision(c.scores(), c.labels()));
                throwsOn("precisionRecallCurve(scores, labels)", IllegalArgumentException.class, why, () -> ctx.subject().precisionRecallCurve(c.scores(), c.labels()));
            })).enforces("rejectsNoPositive")
                .hint("Count the positives first, in both methods (one helper), and throw IllegalArgumentException when there are none."),

            Check.<AveragePrecision>example("handWorkedCases", ctx -> {
                AveragePrecision a = ctx.subject();
                ctx.example("scores = [0.1, 0.4, 0.35, 0.8], labels = [0, 0, 1, 1] (scikit-learn's docstring)", () -> {
                    double[] sc = {0.1, 0.4, 0.35, 0.8};
                    int[] lb = {0, 0, 1, 1};
                    AveragePrecision.Curve c = a.precisionRecallCurve(sc, lb);
                    close("thresholds", new double[] {0.1, 0.35, 0.4, 0.8}, c.thresholds());
                    close("precision", new double[] {0.5, 2.0 / 3, 0.5, 1, 1}, c.precision());
                    close("recall", new double[] {1, 1, 0.5, 0.5, 0}, c.recall());
                    close("averagePrecision", 0.5 * 1 + 0.5 * 2.0 / 3, a.averagePrecision(sc, lb));
                });
                ctx.example("scores = [0.9, 0.8, 0.8, 0.5, 0.5, 0.2], labels = [1, 0, 1, 1, 0, 0] (the statement's example, ties)", () ->
                    close("averagePrecision", (1 + 2.0 / 3 + 0.6) / 3, a.averagePrecision(new double[] {0.9, 0.8, 0.8, 0.5, 0.5, 0.2}, new int[] {1, 0, 1, 1, 0, 0})));
                ctx.example("scores = [0.0, -0.0, 1.0], labels = [1, 0, 0] (-0.0 == 0.0: one threshold)", () -> {
                    AveragePrecision.Curve c = a.precisionRecallCurve(new double[] {0.0, -0.0, 1.0}, new int[] {1, 0, 0});
                    equal("number of thresholds", 2, c.thresholds().length);
                    close("precision", new double[] {1.0 / 3, 0, 1}, c.precision());
                    close("averagePrecision", 1.0 / 3, a.averagePrecision(new double[] {0.0, -0.0, 1.0}, new int[] {1, 0, 0}));
                });
                ctx.example("scores = [2.0, 2.0], labels = [1, 1] (no negatives)", () ->
                    close("averagePrecision", 1.0, a.averagePrecision(new double[] {2.0, 2.0}, new int[] {1, 1})));
                ctx.example("scores = [3.0], labels = [0] (no positive)", () ->
                    throwsOn("averagePrecision([3.0], [0])", IllegalArgumentException.class, "no positive label", () -> a.averagePrecision(new double[] {3.0}, new int[] {0})));
            }).enforces("curvePoints", "apValue", "rejectsNoPositive")
                .hint("Work scikit-learn's docstring example by hand: AP = 0.5 x 1 + 0.5 x 2/3 = 0.8333; the precision used for a recall step is the one at the step's own threshold."),

            Check.<AveragePrecision>golden("matchesScikitLearn", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[] sc = g.input().vec("scores");
                        int[] lb = g.input().ints("labels");
                        AveragePrecision.Curve c = ctx.subject().precisionRecallCurve(sc, lb);
                        close("precision", g.output().vec("precision"), c.precision());
                        close("recall", g.output().vec("recall"), c.recall());
                        close("thresholds", g.output().vec("thresholds"), c.thresholds());
                        close("averagePrecision", g.output().num("ap"), ctx.subject().averagePrecision(sc, lb));
                    });
                }
            }).enforces("curvePoints", "apValue")
                .hint("These are scikit-learn's precision_recall_curve and average_precision_score: check the order of the arrays and the ties on the case shown.")
        );
    }
}
