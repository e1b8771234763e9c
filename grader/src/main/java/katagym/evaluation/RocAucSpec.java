package katagym.evaluation;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;
import static katagym.grader.check.Checks.throwsOn;

import java.util.Arrays;
import java.util.List;
import katagym.grader.prop.Gen;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class RocAucSpec implements KataSpec<RocAuc> {

    /** Scores and 0/1 labels of the same length, both classes present. */
    record Case(double[] scores, int[] labels) {}

    /**
     * 2..30 samples with imbalanced labels (positive rate from 10% to 90%). Half the cases draw scores
     * from a coarse grid, so ties between positives and negatives are common; the others are continuous.
     */
    static Gen<Case> cases() {
        return s -> {
            int n = s.intBetween(2, 30);
            double positiveRate = 0.1 * s.intBetween(1, 9);
            boolean grid = s.choice(1) == 0;
            double[] scores = new double[n];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = s.chance(positiveRate) ? 1 : 0;
                scores[i] = grid ? s.intBetween(-4, 4) / 2.0 : s.intBetween(-3_000_000, 3_000_000) / 1e6;
                if (scores[i] == 0 && s.chance(0.5)) scores[i] = -0.0; // == 0.0: the same score, the same threshold
            }
            // both classes must be present: turn one sample of the majority into the missing class
            int positives = Arrays.stream(labels).sum();
            if (positives == 0 || positives == n) labels[(int) s.choice(n - 1)] ^= 1;
            return new Case(scores, labels);
        };
    }

    /** The Mann-Whitney statistic U / (P N): pairs (positive, negative) ordered correctly, a tie counting one half. O(n^2). */
    static double mannWhitney(double[] scores, int[] labels) {
        long twice = 0, pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i] != 1) continue;
            for (int j = 0; j < scores.length; j++) {
                if (labels[j] != 0) continue;
                pairs++;
                if (scores[i] > scores[j]) twice += 2;
                else if (scores[i] == scores[j]) twice += 1;
            }
        }
        return twice / (2.0 * pairs);
    }

    static double trapezoid(double[] x, double[] y) {
        double area = 0;
        for (int k = 1; k < x.length; k++) area += (x[k] - x[k - 1]) * (y[k] + y[k - 1]) / 2;
        return area;
    }

    @Override
    public Class<RocAuc> contract() { return RocAuc.class; }

    @Override
    public List<Check<RocAuc>> checks() {
        return List.of(
            Check.<RocAuc>oracle("curveMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                RocAuc.Curve expected = ctx.oracle().rocCurve(c.scores(), c.labels());
                RocAuc.Curve actual = pure("rocCurve(scores, labels)", () -> ctx.subject().rocCurve(c.scores(), c.labels()), c.scores(), c.labels());
                close("thresholds", expected.thresholds(), actual.thresholds());
                close("fpr", expected.fpr(), actual.fpr());
                close("tpr", expected.tpr(), actual.tpr());
            })).enforces("curvePoints", "noModify")
                .hint("Compare point by point with the reference: one point per distinct score (plus +Infinity first), never one per sample."),

            Check.<RocAuc>oracle("aucMatchesReference", ctx -> ctx.forAll(cases(), c ->
                close("auc", ctx.oracle().auc(c.scores(), c.labels()),
                        (double) pure("auc(scores, labels)", () -> (Double) ctx.subject().auc(c.scores(), c.labels()), c.scores(), c.labels()))))
                .enforces("aucValue", "noModify")
                .hint("Sort indices by decreasing score (do not sort the caller's arrays) and add one trapezoid per group of equal scores."),

            Check.<RocAuc>invariant("aucEqualsTheMannWhitneyStatistic", ctx -> ctx.forAll(cases(), c ->
                close("auc (expected U / (n_pos n_neg), ties counting 1/2)", mannWhitney(c.scores(), c.labels()),
                        ctx.subject().auc(c.scores(), c.labels()))))
                .hint("A group of tied scores moves the curve diagonally: it adds a trapezoid, so each tied (positive, negative) pair counts one half. Process all samples with the same score together.")
                .enforces("aucValue"),

            Check.<RocAuc>invariant("curvePointsCountTheScoresAtOrAboveEachThreshold", ctx -> ctx.forAll(cases(), c -> {
                RocAuc.Curve curve = ctx.subject().rocCurve(c.scores(), c.labels());
                double[] distinct = Arrays.stream(c.scores()).map(v -> v == 0 ? 0.0 : v).distinct().sorted().toArray();
                int points = distinct.length + 1;
                that(curve.thresholds().length == points && curve.fpr().length == points && curve.tpr().length == points,
                        () -> "expected " + points + " points (one per distinct score, plus the start at +Infinity), got thresholds/fpr/tpr of lengths "
                                + curve.thresholds().length + "/" + curve.fpr().length + "/" + curve.tpr().length);
                that(curve.thresholds()[0] == Double.POSITIVE_INFINITY, () -> "thresholds[0] must be +Infinity, got " + curve.thresholds()[0]);
                int negatives = 0, positives = 0;
                for (int l : c.labels()) if (l == 1) positives++; else negatives++;
                for (int k = 0; k < points; k++) {
                    double t = k == 0 ? Double.POSITIVE_INFINITY : distinct[distinct.length - k];
                    close("thresholds[" + k + "] (the distinct scores in decreasing order)", t, curve.thresholds()[k]);
                    int fp = 0, tp = 0;
                    for (int i = 0; i < c.scores().length; i++) {
                        if (c.scores()[i] >= t) { if (c.labels()[i] == 1) tp++; else fp++; }
                    }
                    close("fpr[" + k + "] (negatives scoring >= " + t + ", over all negatives)", (double) fp / negatives, curve.fpr()[k]);
                    close("tpr[" + k + "] (positives scoring >= " + t + ", over all positives)", (double) tp / positives, curve.tpr()[k]);
                }
            })).hint("Sort by decreasing score and emit a point only after the last sample of each group of equal scores; start with (0, 0) at threshold +Infinity.")
                .enforces("curvePoints"),

            Check.<RocAuc>invariant("aucIsTheAreaUnderTheReturnedCurve", ctx -> ctx.forAll(cases(), c -> {
                RocAuc.Curve curve = ctx.subject().rocCurve(c.scores(), c.labels());
                close("auc vs the trapezoidal area under rocCurve", trapezoid(curve.fpr(), curve.tpr()), ctx.subject().auc(c.scores(), c.labels()));
            })).enforces("aucValue", "curvePoints")
                .hint("auc and rocCurve must agree: the area of each step is (fpr[k] - fpr[k-1]) (tpr[k] + tpr[k-1]) / 2."),

            Check.<RocAuc>invariant("reversedScoresGiveOneMinusAuc", ctx -> ctx.forAll(cases(), c -> {
                double[] negated = Arrays.stream(c.scores()).map(v -> -v).toArray();
                double auc = ctx.subject().auc(c.scores(), c.labels());
                close("auc(-scores) (must be 1 - auc(scores))", 1 - auc, ctx.subject().auc(negated, c.labels()));
            })).enforces("aucValue")
                .hint("Reversing the ranking swaps 'positive wins' and 'negative wins' and keeps the ties at 1/2: the areas add up to 1."),

            Check.<RocAuc>invariant("aucIsInvariantToStrictlyIncreasingTransforms", ctx -> ctx.forAll(s -> {
                Case c = cases().generate(s);
                // an arbitrary strictly increasing map of the distinct scores, built from positive random gaps
                double[] distinct = Arrays.stream(c.scores()).map(v -> v + 0.0).distinct().sorted().toArray(); // + 0.0 folds -0.0 into 0.0
                double[] image = new double[distinct.length];
                double v = s.intBetween(-50, 50);
                for (int k = 0; k < distinct.length; k++) {
                    v += 0.25 * s.intBetween(1, 40);
                    image[k] = v;
                }
                double[] transformed = new double[c.scores().length];
                for (int i = 0; i < transformed.length; i++) transformed[i] = image[Arrays.binarySearch(distinct, c.scores()[i] + 0.0)];
                return new Transformed(c, transformed);
            }, t -> close("auc of the transformed scores", ctx.subject().auc(t.original().scores(), t.original().labels()),
                    ctx.subject().auc(t.transformed(), t.original().labels()))))
                .enforces("aucValue")
                .hint("AUC depends on the ranking only: never use score values or differences, only their order and equality."),

            Check.<RocAuc>invariant("rejectsLabelsOfASingleClass", ctx -> ctx.forAll(s -> {
                Case c = cases().generate(s);
                int[] labels = new int[c.labels().length];
                Arrays.fill(labels, (int) s.choice(1));
                return new Case(c.scores(), labels);
            }, c -> {
                String why = "labels of one class only (" + c.labels()[0] + "): the rates are 0/0";
                throwsOn("auc(scores, labels)", IllegalArgumentException.class, why, () -> ctx.subject().auc(c.scores(), c.labels()));
                throwsOn("rocCurve(scores, labels)", IllegalArgumentException.class, why, () -> ctx.subject().rocCurve(c.scores(), c.labels()));
            })).enforces("rejectsOneClass")
                .hint("Count the positives and negatives first, in both methods (one shared helper), and throw IllegalArgumentException if either is 0."),

            Check.<RocAuc>example("handWorkedCases", ctx -> {
                RocAuc r = ctx.subject();
                ctx.example("scores = [0.9, 0.8, 0.8, 0.5, 0.5, 0.2], labels = [1, 0, 1, 1, 0, 0] (the statement's example)", () -> {
                    double[] sc = {0.9, 0.8, 0.8, 0.5, 0.5, 0.2};
                    int[] lb = {1, 0, 1, 1, 0, 0};
                    RocAuc.Curve curve = r.rocCurve(sc, lb);
                    close("thresholds", new double[] {Double.POSITIVE_INFINITY, 0.9, 0.8, 0.5, 0.2}, curve.thresholds());
                    close("tpr", new double[] {0, 1.0 / 3, 2.0 / 3, 1, 1}, curve.tpr());
                    close("fpr", new double[] {0, 0, 1.0 / 3, 2.0 / 3, 1}, curve.fpr());
                    close("auc", 7.0 / 9, r.auc(sc, lb));
                });
                ctx.example("scores = [0.0, -0.0, 1.0], labels = [1, 0, 0] (-0.0 == 0.0: one threshold, a tie)", () -> {
                    double[] sc = {0.0, -0.0, 1.0};
                    int[] lb = {1, 0, 0};
                    RocAuc.Curve curve = r.rocCurve(sc, lb);
                    equal("number of points (+Infinity, 1.0, 0.0)", 3, curve.thresholds().length);
                    close("tpr", new double[] {0, 0, 1}, curve.tpr());
                    close("fpr", new double[] {0, 0.5, 1}, curve.fpr());
                    close("auc (the positive ties one negative and loses to the other)", 0.25, r.auc(sc, lb));
                });
                ctx.example("scores = [3.0, 3.0], labels = [0, 1] (one tied pair)", () -> {
                    close("auc", 0.5, r.auc(new double[] {3.0, 3.0}, new int[] {0, 1}));
                    equal("number of points", 2, r.rocCurve(new double[] {3.0, 3.0}, new int[] {0, 1}).thresholds().length);
                });
            }).enforces("curvePoints", "aucValue")
                .hint("Work the statement's example by hand; then remember that 0.0 == -0.0 although Double.equals (and so boxed distinct() or a HashSet) tells them apart."),

            Check.<RocAuc>stability("exactWithOneHundredThousandSamples", ctx -> {
                int positives = 50_000;
                double[] sc = new double[2 * positives];
                int[] lb = new int[2 * positives];
                for (int i = 0; i < positives; i++) {
                    sc[2 * i] = i;            // positive i
                    lb[2 * i] = 1;
                    sc[2 * i + 1] = i + 0.5;  // negative i: beaten by positives i + 1 .. P - 1
                }
                ctx.example("P = N = 50 000, positive i scores i, negative j scores j + 0.5 (auc = (P - 1) / (2P))", () ->
                    close("auc", (positives - 1) / (2.0 * positives), r(ctx).auc(sc, lb)));
            }).enforces("largeInputs")
                .hint("P x N = 2.5e9 pairs here: count pairs and twice the area in a long (or a double), never an int."),

            Check.<RocAuc>golden("matchesScikitLearn", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () ->
                        close("auc", g.output().num("auc"), ctx.subject().auc(g.input().vec("scores"), g.input().ints("labels"))));
                }
            }).enforces("aucValue")
                .hint("These are scikit-learn's roc_auc_score values: check the tie handling on the case shown.")
        );
    }

    private static RocAuc r(katagym.grader.spec.CheckContext<RocAuc> ctx) { return ctx.subject(); }

    /** A case and the same scores under a strictly increasing map. */
    record Transformed(Case original, double[] transformed) {}
}
