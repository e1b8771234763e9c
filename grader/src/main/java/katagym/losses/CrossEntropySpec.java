package katagym.losses;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.GradCheck;
import katagym.grader.check.Tensors;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.prop.Source;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class CrossEntropySpec implements KataSpec<CrossEntropy> {
    private static final String LOSS_HINT = "Row loss = -sum_c q[c] * (x[c] - logsumexp(x)) with q = (1 - eps) onehot + eps / C; then the mean over the N rows.";
    private static final String GRADIENT_HINT = "Row i of the gradient is (softmax(x_i) - q) / N, with the same smoothed q as the loss.";

    /** A batch of logits [N][C], class indices [N] and the label-smoothing eps. */
    record Case(double[][] logits, int[] targets, double labelSmoothing) {}

    /** A batch shifted row by row by huge constants, next to the unshifted one. */
    record Shifted(double[][] logits, double[] shifts, int[] targets, double labelSmoothing) {}

    /** eps = 0 (plain cross-entropy), 0.1 (the usual value), any value in [0, 1), or exactly 1. */
    static double smoothing(Source s) {
        return switch (s.weighted(0.3, 0.2, 0.4, 0.1)) {
            case 0 -> 0.0;
            case 1 -> 0.1;
            case 2 -> Gens.unit(s);
            default -> 1.0;
        };
    }

    static Gen<Case> cases(Gen<Double> values, boolean smoothed) {
        return s -> {
            int classes = s.intBetween(2, 6);
            int n = s.intBetween(1, 5);
            double[][] x = Gens.matrix(n, classes, values).generate(s);
            int[] t = new int[n];
            for (int i = 0; i < n; i++) t[i] = s.intBetween(0, classes - 1);
            return new Case(x, t, smoothed ? smoothing(s) : 0.0);
        };
    }

    /** log_softmax of a row with the max subtracted (the spec's own, for the invariants). */
    static double[] logSoftmax(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) max = Math.max(max, v);
        double sum = 0;
        for (double v : row) sum += Math.exp(v - max);
        double[] out = new double[row.length];
        for (int c = 0; c < row.length; c++) out[c] = row[c] - max - Math.log(sum);
        return out;
    }

    static void rowsSumToZero(double[][] g) {
        for (int i = 0; i < g.length; i++) {
            double sum = 0;
            for (double v : g[i]) sum += v;
            close("sum of gradient row " + i + " (softmax and the target distribution both sum to 1)", 0.0, sum);
        }
    }

    @Override
    public Class<CrossEntropy> contract() { return CrossEntropy.class; }

    @Override
    public List<Check<CrossEntropy>> checks() {
        return List.of(
            Check.<CrossEntropy>oracle("lossMatchesReference", ctx -> ctx.forAll(cases(Gens.logits(), true), c -> {
                double loss = pure("loss(logits, targets, eps)", () -> ctx.subject().loss(c.logits(), c.targets(), c.labelSmoothing()),
                        c.logits(), c.targets());
                close("loss", ctx.oracle().loss(c.logits(), c.targets(), c.labelSmoothing()), loss);
            })).enforces("lossValue", "smoothing", "pure").hint(LOSS_HINT),

            Check.<CrossEntropy>oracle("gradientMatchesReference", ctx -> ctx.forAll(cases(Gens.logits(), true), c ->
                close("dlogits", ctx.oracle().gradient(c.logits(), c.targets(), c.labelSmoothing()),
                        pure("gradient(logits, targets, eps)", () -> ctx.subject().gradient(c.logits(), c.targets(), c.labelSmoothing()),
                                c.logits(), c.targets()))))
                .enforces("gradientValue", "smoothing", "pure").hint(GRADIENT_HINT),

            Check.<CrossEntropy>invariant("gradientIsANewArray", ctx -> ctx.forAll(cases(Gens.doubles(), true), c ->
                fresh("gradient(logits, targets, eps)", () -> ctx.subject().gradient(c.logits(), c.targets(), c.labelSmoothing()),
                        c.logits(), c.targets())))
                .enforces("gradientNewArray")
                .hint("Allocate the gradient (and each of its rows) inside each call: a matrix kept in a field is overwritten by the next call."),

            Check.<CrossEntropy>example("handWorkedValues", ctx -> {
                ctx.example("logits = [[0, 0]], targets = [0], eps = 0", () -> {
                    close("loss (log 2)", Math.log(2), ctx.subject().loss(new double[][] {{0, 0}}, new int[] {0}, 0.0));
                    close("dlogits", new double[][] {{-0.5, 0.5}}, ctx.subject().gradient(new double[][] {{0, 0}}, new int[] {0}, 0.0));
                });
                ctx.example("logits = [[1000, -1000], [1000, -1000]], targets = [1, 0], eps = 0 (a confident mistake, a confident right answer)", () -> {
                    double[][] x = {{1000, -1000}, {1000, -1000}};
                    close("loss ((2000 + 0) / 2)", 1000.0, ctx.subject().loss(x, new int[] {1, 0}, 0.0));
                    close("dlogits", new double[][] {{0.5, -0.5}, {0, 0}}, ctx.subject().gradient(x, new int[] {1, 0}, 0.0));
                });
                ctx.example("logits = [[0, 0, 0, 0]], targets = [2], eps = 0.4 (uniform logits: every q sums to 1)", () -> {
                    close("loss (log 4)", Math.log(4), ctx.subject().loss(new double[][] {{0, 0, 0, 0}}, new int[] {2}, 0.4));
                    // q = [0.1, 0.1, 0.7, 0.1]
                    close("dlogits (0.25 - q)", new double[][] {{0.15, 0.15, -0.45, 0.15}},
                            ctx.subject().gradient(new double[][] {{0, 0, 0, 0}}, new int[] {2}, 0.4));
                });
                ctx.example("logits = [[2, 0, 0]], targets = [0], eps = 0.3", () -> {
                    double lse = Math.log(Math.exp(2) + 2);
                    double[] q = {0.7 + 0.1, 0.1, 0.1};
                    close("loss", q[0] * (lse - 2) + 0.2 * lse, ctx.subject().loss(new double[][] {{2, 0, 0}}, new int[] {0}, 0.3));
                });
            }).enforces("lossValue", "gradientValue", "smoothing", "lossStable")
                .hint("Uniform logits give log C whatever the smoothing; with eps the target's share is 1 - eps + eps / C and every other class gets eps / C."),


            Check.<CrossEntropy>invariant("withoutSmoothingItIsMinusLogSoftmaxAtTheTarget", ctx -> ctx.forAll(cases(Gens.doubles(-20, 20), false), c -> {
                double expected = 0;
                for (int i = 0; i < c.targets().length; i++) expected -= logSoftmax(c.logits()[i])[c.targets()[i]];
                double loss = ctx.subject().loss(c.logits(), c.targets(), 0.0);
                that(loss >= 0, () -> "loss = " + loss + " is negative");
                close("loss (the mean over rows of -log softmax(row)[target])", expected / c.targets().length, loss);
            })).enforces("lossValue").hint("Per row: log-sum-exp of the row minus the target's logit; then average over the N rows."),

            Check.<CrossEntropy>invariant("smoothingMixesTheOneHotWithTheUniformDistribution", ctx -> ctx.forAll(cases(Gens.doubles(-20, 20), true), c -> {
                double eps = c.labelSmoothing();
                int n = c.targets().length, classes = c.logits()[0].length;
                double uniform = 0;
                for (double[] row : c.logits()) for (double v : logSoftmax(row)) uniform -= v / classes;
                uniform /= n;
                double full = ctx.subject().loss(c.logits(), c.targets(), 1.0);
                close("loss at eps = 1 (the target distribution is uniform, 1/C on every class)", uniform, full);
                int[] others = new int[n];
                for (int i = 0; i < n; i++) others[i] = (c.targets()[i] + 1) % classes;
                close("loss at eps = 1 with other targets (must not depend on the targets)", full, ctx.subject().loss(c.logits(), others, 1.0));
                double none = ctx.subject().loss(c.logits(), c.targets(), 0.0);
                close("loss at eps = " + eps + " (must be (1 - eps) * loss(eps = 0) + eps * loss(eps = 1))",
                        (1 - eps) * none + eps * full, ctx.subject().loss(c.logits(), c.targets(), eps));
            })).enforces("smoothing", "lossValue").hint("PyTorch's smoothing: q = (1 - eps) * onehot + eps / C. The eps / C also goes to the target class; C, not C - 1."),

            Check.<CrossEntropy>invariant("gradientRowsSumToZero", ctx -> ctx.forAll(cases(Gens.doubles(-20, 20), true), c -> {
                double[][] g = ctx.subject().gradient(c.logits(), c.targets(), c.labelSmoothing());
                shape("dlogits", g, c.logits().length, c.logits()[0].length);
                rowsSumToZero(g);
            })).enforces("gradientValue").hint("Each row of the gradient is (softmax - q) / N, and both softmax and q sum to 1."),

            Check.<CrossEntropy>gradcheck("gradientAgreesWithCentralDifferences", ctx -> ctx.forAll(50, cases(Gens.doubles(-5, 5), true), c -> {
                int n = c.logits().length, classes = c.logits()[0].length;
                GradCheck.check("dlogits", Tensors.flat(c.logits()),
                        x -> ctx.subject().loss(Tensors.matrix(x, n, classes), c.targets(), c.labelSmoothing()),
                        Tensors.flat(ctx.subject().gradient(c.logits(), c.targets(), c.labelSmoothing())));
            })).enforces("gradientValue").hint("d loss / d logits[i][c] = (softmax(logits[i])[c] - q[c]) / N: the 1/N of the mean belongs in the gradient too."),

            Check.<CrossEntropy>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[][] x = g.input().mat("logits");
                        int[] t = g.input().ints("targets");
                        double eps = g.input().num("labelSmoothing");
                        close("loss", g.output().num("loss"), ctx.subject().loss(x, t, eps));
                        close("dlogits", g.output().mat("dlogits"), ctx.subject().gradient(x, t, eps));
                    });
                }
            }).enforces("lossValue", "gradientValue", "smoothing").hint("These are torch.nn.CrossEntropyLoss(label_smoothing = eps)'s values and gradients on the case shown."),

            Check.<CrossEntropy>stability("rowsSpanningMinus1e3To1e3AreFiniteAndAccurate", ctx -> ctx.forAll(cases(Gens.logits(), true), c -> {
                double loss = ctx.subject().loss(c.logits(), c.targets(), c.labelSmoothing());
                finite("loss", loss);
                close("loss", ctx.oracle().loss(c.logits(), c.targets(), c.labelSmoothing()), loss);
                double[][] g = ctx.subject().gradient(c.logits(), c.targets(), c.labelSmoothing());
                finite("dlogits", g);
            })).enforces("lossStable", "gradientStable")
                .hint("Subtract each row's MAX (not its first entry) before exp, and never take log(softmax): a class 800 below the max has softmax 0 in double."),

            Check.<CrossEntropy>stability("hugeLogitsAreFiniteAndShiftInvariant", ctx -> ctx.forAll(s -> {
                Case c = cases(Gens.doubles(-10, 10), true).generate(s);
                double[] shifts = Gens.vector(c.targets().length, Gens.extremes()).generate(s);
                return new Shifted(c.logits(), shifts, c.targets(), c.labelSmoothing());
            }, c -> {
                double[][] shifted = new double[c.logits().length][];
                for (int i = 0; i < shifted.length; i++) {
                    shifted[i] = c.logits()[i].clone();
                    for (int j = 0; j < shifted[i].length; j++) shifted[i][j] += c.shifts()[i];
                }
                double loss = ctx.subject().loss(shifted, c.targets(), c.labelSmoothing());
                finite("loss of the shifted logits", loss);
                double[][] g = ctx.subject().gradient(shifted, c.targets(), c.labelSmoothing());
                finite("dlogits of the shifted logits", g);
                // Adding a shift of up to 1e3 rounds each logit by up to 1.1e-13, which moves the loss and the
                // gradient by a few 1e-13: hence an absolute tolerance of 1e-11 rather than 1e-12.
                Tolerance tol = Tolerance.of(1e-9, 1e-11);
                close("loss of the shifted logits (softmax ignores a constant added to a row)",
                        ctx.subject().loss(c.logits(), c.targets(), c.labelSmoothing()), loss, tol);
                close("dlogits of the shifted logits", ctx.subject().gradient(c.logits(), c.targets(), c.labelSmoothing()), g, tol);
                rowsSumToZero(g);
            })).enforces("lossStable", "gradientStable").hint("exp(1000) is Infinity and exp(-1000) is 0: subtract each row's max before exp, and take the log of the sum, not the sum of logs.")
        );
    }
}
