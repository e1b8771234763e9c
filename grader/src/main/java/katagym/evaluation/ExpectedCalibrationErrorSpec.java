package katagym.evaluation;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;
import static katagym.grader.check.Checks.throwsOn;

import java.util.List;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.prop.Source;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class ExpectedCalibrationErrorSpec implements KataSpec<ExpectedCalibrationError> {

    /** Confidences, whether each prediction was right, and the number of bins. */
    record Binned(double[] confidences, boolean[] correct, int bins) {}

    /** Logits [N][C], labels, and a temperature. */
    record Scored(double[][] logits, int[] labels, double temperature) {}

    /** 1..30 samples, 1..15 bins; a third of the confidences sit exactly on a bin edge (0 and 1 included). */
    static Gen<Binned> binned() {
        return s -> {
            int bins = s.chance(0.5) ? Gens.oneOf(10, 4, 5, 15).generate(s) : s.intBetween(1, 15);
            int n = s.intBetween(1, 30);
            double[] c = new double[n];
            boolean[] ok = new boolean[n];
            for (int i = 0; i < n; i++) {
                int kind = s.weighted(5, 2, 1, 1);
                c[i] = switch (kind) {
                    case 0 -> Gens.unit(s);
                    case 1 -> (double) s.intBetween(0, bins) / bins;
                    case 2 -> 1.0;
                    default -> 0.0;
                };
                ok[i] = s.chance(c[i]);
            }
            return new Binned(c, ok, bins);
        };
    }

    /** 1..12 samples of 2..5 classes; a per-case scale from 0.25 to 8; labels mostly the argmax, sometimes not. */
    static Gen<Scored> scored(Gen<Double> temperature) {
        return s -> {
            int n = s.intBetween(1, 12), classes = s.intBetween(2, 5);
            double scale = Gens.oneOf(1.0, 0.25, 2.0, 8.0).generate(s);
            double[][] z = new double[n][classes];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int c = 0; c < classes; c++) {
                    z[i][c] = scale * Gens.doubles(-3, 3).generate(s);
                    if (z[i][c] > z[i][best]) best = c;
                }
                y[i] = s.chance(0.7) ? best : s.intBetween(0, classes - 1);
            }
            return new Scored(z, y, temperature.generate(s));
        };
    }

    static Gen<Double> temperatures() {
        return s -> s.chance(0.6) ? Gens.oneOf(1.0, 0.5, 2.0, 0.05, 20.0).generate(s) : Gens.doubles(0.01, 30).generate(s);
    }

    /** ECE by definition, written independently: per-bin means, then the weighted absolute gaps. */
    static double binnedEce(double[] c, boolean[] ok, int bins) {
        double[] sumConf = new double[bins], sumAcc = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < c.length; i++) {
            int b = (int) Math.floor(c[i] * bins);
            if (b == bins) b = bins - 1;
            count[b]++;
            sumConf[b] += c[i];
            sumAcc[b] += ok[i] ? 1 : 0;
        }
        double e = 0;
        for (int b = 0; b < bins; b++) if (count[b] > 0) e += (double) count[b] / c.length * Math.abs(sumAcc[b] / count[b] - sumConf[b] / count[b]);
        return e;
    }

    /** The mean cross-entropy of softmax(z / T), log-softmax with the row maximum subtracted. */
    static double crossEntropy(double[][] z, int[] y, double t) {
        double total = 0;
        for (int i = 0; i < z.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z[i]) max = Math.max(max, v / t);
            double sum = 0;
            for (double v : z[i]) sum += Math.exp(v / t - max);
            total += -(z[i][y[i]] / t - max - Math.log(sum));
        }
        return total / z.length;
    }

    /** d NLL / d(1/T) at 1/T = s: the mean over samples of E_softmax(s z)[z] - z[y]; increasing in s. */
    static double slope(double[][] z, int[] y, double s) {
        double total = 0;
        for (int i = 0; i < z.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z[i]) max = Math.max(max, s * v);
            double sum = 0, w = 0;
            for (double v : z[i]) {
                double e = Math.exp(s * v - max);
                sum += e;
                w += e * (v - z[i][y[i]]);
            }
            total += w / sum;
        }
        return total / z.length;
    }

    /** Fails unless T is within 1e-6 relative of the minimiser over [MIN_T, MAX_T]: the NLL's slope changes sign across [T(1 - 1e-6), T(1 + 1e-6)]. */
    static void nearMinimiser(Scored c, double t) {
        double lo = ExpectedCalibrationError.MIN_T, hi = ExpectedCalibrationError.MAX_T;
        that(t >= lo && t <= hi, () -> "fitTemperature returned " + t + ", outside [" + lo + ", " + hi + "]");
        double scale = 0;
        for (double[] row : c.logits()) for (double v : row) scale = Math.max(scale, Math.abs(v));
        double noise = 1e-12 * (scale + 1);
        if (t < hi * (1 - 1e-6)) {
            double g = slope(c.logits(), c.labels(), 1 / (t * (1 + 1e-6)));
            that(g <= noise, () -> "the NLL still decreases at T = " + t * (1 + 1e-6) + " (dNLL/dT = " + (-g * Math.pow(t * (1 + 1e-6), -2))
                    + " < 0): the minimiser lies above " + t + " by more than 1e-6 relative");
        }
        if (t > lo * (1 + 1e-6)) {
            double g = slope(c.logits(), c.labels(), 1 / (t * (1 - 1e-6)));
            that(g >= -noise, () -> "the NLL still decreases below T = " + t * (1 - 1e-6) + " (dNLL/dT = " + (-g * Math.pow(t * (1 - 1e-6), -2))
                    + " > 0 there): the minimiser lies below " + t + " by more than 1e-6 relative");
        }
    }

    @Override
    public Class<ExpectedCalibrationError> contract() { return ExpectedCalibrationError.class; }

    @Override
    public List<Check<ExpectedCalibrationError>> checks() {
        return List.of(
            Check.<ExpectedCalibrationError>oracle("eceMatchesReference", ctx -> ctx.forAll(binned(), c ->
                close("ece", ctx.oracle().ece(c.confidences(), c.correct(), c.bins()),
                        (double) pure("ece(confidences, correct, bins)", () -> (Double) ctx.subject().ece(c.confidences(), c.correct(), c.bins()),
                                c.confidences(), c.correct()))))
                .enforces("eceValue", "eceBins", "noModify")
                .hint("Bin each sample by min(floor(c * M), M - 1), then add (n_b / N) |acc_b - conf_b| over the non-empty bins."),

            Check.<ExpectedCalibrationError>oracle("nllMatchesReference", ctx -> ctx.forAll(scored(temperatures()), c ->
                close("nll", ctx.oracle().nll(c.logits(), c.labels(), c.temperature()),
                        (double) pure("nll(logits, labels, T)", () -> (Double) ctx.subject().nll(c.logits(), c.labels(), c.temperature()),
                                c.logits(), c.labels()))))
                .enforces("nllValue", "noModify")
                .hint("Divide the logits by T, then the mean over samples of logsumexp(row) - row[label]."),

            Check.<ExpectedCalibrationError>invariant("eceIsTheWeightedMeanOfTheBinGaps", ctx -> ctx.forAll(binned(), c ->
                close("ece (sum over bins of n_b/N |acc_b - conf_b|, bin = min(floor(c M), M - 1))", binnedEce(c.confidences(), c.correct(), c.bins()),
                        ctx.subject().ece(c.confidences(), c.correct(), c.bins()))))
                .enforces("eceValue", "eceBins")
                .hint("Each bin's gap is weighted by its share of the samples n_b / N (not averaged over bins), and the absolute value is taken per bin, before summing."),

            Check.<ExpectedCalibrationError>invariant("eceWithOneBinIsTheOverallGap", ctx -> ctx.forAll(binned(), c -> {
                double acc = 0, conf = 0;
                for (int i = 0; i < c.confidences().length; i++) {
                    acc += c.correct()[i] ? 1 : 0;
                    conf += c.confidences()[i];
                }
                int n = c.confidences().length;
                close("ece with one bin (|accuracy - mean confidence|)", Math.abs(acc / n - conf / n), ctx.subject().ece(c.confidences(), c.correct(), 1));
                double e = ctx.subject().ece(c.confidences(), c.correct(), c.bins());
                that(e >= -1e-15 && e <= 1 + 1e-15, () -> "ece = " + e + " lies outside [0, 1]");
            })).enforces("eceValue", "eceBins")
                .hint("With M = 1 every confidence, 1.0 included, falls into bin 0: ECE is |accuracy - mean confidence|."),

            Check.<ExpectedCalibrationError>invariant("nllIsTheMeanCrossEntropyOfTheScaledLogits", ctx -> ctx.forAll(scored(temperatures()), c -> {
                close("nll(logits, labels, T)", crossEntropy(c.logits(), c.labels(), c.temperature()),
                        ctx.subject().nll(c.logits(), c.labels(), c.temperature()));
                double[][] doubled = new double[c.logits().length][];
                for (int i = 0; i < doubled.length; i++) {
                    doubled[i] = c.logits()[i].clone();
                    for (int j = 0; j < doubled[i].length; j++) doubled[i][j] *= 2;
                }
                close("nll(2 logits, labels, 2T) (only logits / T matters)", ctx.subject().nll(c.logits(), c.labels(), c.temperature()),
                        ctx.subject().nll(doubled, c.labels(), 2 * c.temperature()));
            })).enforces("nllValue")
                .hint("The temperature divides the logits (T > 1 softens the softmax); the NLL is a mean over samples, of -log of the label's probability."),

            Check.<ExpectedCalibrationError>invariant("fitTemperatureMinimisesTheNll", ctx -> ctx.forAll(40, scored(temperatures()), c -> {
                double t = pure("fitTemperature(logits, labels)", () -> (Double) ctx.subject().fitTemperature(c.logits(), c.labels()), c.logits(), c.labels());
                nearMinimiser(c, t);
                double at = crossEntropy(c.logits(), c.labels(), t);
                double other = Math.max(ExpectedCalibrationError.MIN_T, Math.min(ExpectedCalibrationError.MAX_T, c.temperature()));
                that(at <= crossEntropy(c.logits(), c.labels(), other) + 1e-12,
                        () -> "nll at the fitted T = " + t + " is " + at + ", above nll at T = " + other + ": not the minimiser");
            })).enforces("fitMinimises", "noModify")
                .hint("The NLL is convex in s = 1/T and its derivative is mean(E_p[z] - z_y) with p = softmax(s z): bisect that derivative to zero (or golden-section search) until T is known to 1e-6 relative; a grid is not enough."),

            Check.<ExpectedCalibrationError>invariant("rejectsInvalidInputs", ctx -> ctx.forAll(scored(temperatures()), c -> {
                ExpectedCalibrationError e = ctx.subject();
                int[] bad = c.labels().clone();
                bad[0] = c.logits()[0].length;
                throwsOn("nll(logits, labels, 0)", IllegalArgumentException.class, "T = 0", () -> e.nll(c.logits(), c.labels(), 0));
                throwsOn("nll(logits, labels, -T)", IllegalArgumentException.class, "T < 0", () -> e.nll(c.logits(), c.labels(), -c.temperature()));
                throwsOn("nll(logits, labels with C)", IllegalArgumentException.class, "label C is out of range", () -> e.nll(c.logits(), bad, 1));
                throwsOn("nll([], [], 1)", IllegalArgumentException.class, "no samples", () -> e.nll(new double[0][], new int[0], 1));
                throwsOn("fitTemperature(logits, labels with C)", IllegalArgumentException.class, "label C is out of range", () -> e.fitTemperature(c.logits(), bad));
                throwsOn("fitTemperature([], [])", IllegalArgumentException.class, "no samples", () -> e.fitTemperature(new double[0][], new int[0]));
                boolean[] ok = new boolean[c.labels().length];
                double[] conf = new double[ok.length];
                throwsOn("ece(confidences, correct, 0)", IllegalArgumentException.class, "bins = 0", () -> e.ece(conf, ok, 0));
                throwsOn("ece([], [], 10)", IllegalArgumentException.class, "no samples", () -> e.ece(new double[0], new boolean[0], 10));
                double[] out = conf.clone();
                out[out.length - 1] = s(c) ? 1.5 : -0.25;
                throwsOn("ece(confidence " + out[out.length - 1] + ", ...)", IllegalArgumentException.class, "a confidence outside [0, 1]", () -> e.ece(out, ok, 10));
            })).enforces("eceRejects", "nllRejects", "fitRejects")
                .hint("Validate first, in every method: T > 0, at least one sample, labels in [0, C), bins >= 1, confidences in [0, 1]."),

            Check.<ExpectedCalibrationError>example("handWorkedCases", ctx -> {
                ExpectedCalibrationError e = ctx.subject();
                ctx.example("confidences = [0.0, 0.25, 0.5, 0.75, 1.0], correct = [F, F, T, T, T], bins = 4 (edges go up, 1.0 to the last bin)", () ->
                    // bins: {0.0} -> 0, {0.25} -> 1, {0.5} -> 2, {0.75, 1.0} -> 3
                    close("ece", (0 + 0.25 + 0.5 + 2 * Math.abs(1 - 0.875)) / 5,
                            e.ece(new double[] {0.0, 0.25, 0.5, 0.75, 1.0}, new boolean[] {false, false, true, true, true}, 4)));
                ctx.example("the statement's example: confidences = [0.95, 0.9, 0.85, 0.6, 0.55, 0.3], correct = [T, T, F, T, F, F], bins = 5", () ->
                    close("ece (bins {0.3}, {0.55}, {0.6}, {0.85, 0.9, 0.95})", (Math.abs(0 - 0.3) + Math.abs(0 - 0.55) + Math.abs(1 - 0.6) + Math.abs(2 - 2.7)) / 6,
                            e.ece(new double[] {0.95, 0.9, 0.85, 0.6, 0.55, 0.3}, new boolean[] {true, true, false, true, false, false}, 5)));
                ctx.example("logits = [[2, 0], [0, 1]], labels = [0, 0], T = 1", () ->
                    close("nll", (Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(1))) / 2, e.nll(new double[][] {{2, 0}, {0, 1}}, new int[] {0, 0}, 1)));
                ctx.example("logits = [[3, 0], [0, 2]], labels = [0, 1] (all right: sharpen as far as allowed)", () ->
                    close("fitTemperature", ExpectedCalibrationError.MIN_T, e.fitTemperature(new double[][] {{3, 0}, {0, 2}}, new int[] {0, 1})));
                ctx.example("logits = [[1, 0], [1, 0]], labels = [0, 1] (half right at any T: flatten to T = 20)", () ->
                    close("fitTemperature", ExpectedCalibrationError.MAX_T, e.fitTemperature(new double[][] {{1, 0}, {1, 0}}, new int[] {0, 1})));
                ctx.example("logits = [[1, 0], [1, 0], [1, 0]], labels = [0, 0, 1] (minimiser T = 1 / ln 2)", () ->
                    close("fitTemperature", 1 / Math.log(2), e.fitTemperature(new double[][] {{1, 0}, {1, 0}, {1, 0}}, new int[] {0, 0, 1}), Tolerance.of(1e-6, 0)));
                ctx.example("logits = [[2, 0], [2, 0], [2, 0], [0, 2]], labels = [0, 0, 1, 1] (minimiser T = 2 / ln 3)", () ->
                    close("fitTemperature", 2 / Math.log(3), e.fitTemperature(new double[][] {{2, 0}, {2, 0}, {2, 0}, {0, 2}}, new int[] {0, 0, 1, 1}), Tolerance.of(1e-6, 0)));
            }).enforces("eceValue", "eceBins", "nllValue", "fitMinimises")
                .hint("A confidence exactly on an edge b/M belongs to bin b (floor), 1.0 to the last bin; the fitted T stays inside [0.05, 20]."),

            Check.<ExpectedCalibrationError>stability("nllFiniteForLargeScaledLogits", ctx -> ctx.forAll(s -> {
                Scored c = scored(Gens.oneOf(1.0, 0.05, 0.5)).generate(s);
                double[][] z = new double[c.logits().length][];
                for (int i = 0; i < z.length; i++) {
                    z[i] = c.logits()[i].clone();
                    for (int j = 0; j < z[i].length; j++) z[i][j] *= Gens.oneOf(100.0, 300.0, 1000.0).generate(s) / 8;
                }
                return new Scored(z, c.labels(), c.temperature());
            }, c -> {
                double got = ctx.subject().nll(c.logits(), c.labels(), c.temperature());
                finite("nll", got);
                close("nll", crossEntropy(c.logits(), c.labels(), c.temperature()), got);
                double t = ctx.subject().fitTemperature(c.logits(), c.labels());
                finite("fitTemperature", t);
            })).enforces("nllStable")
                .hint("exp(800) is Infinity: subtract each row's maximum of z / T before exp, and add it back after the log."),

            Check.<ExpectedCalibrationError>golden("matchesNumpyAndPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        if (g.input().has("confidences")) {
                            double[] c = g.input().vec("confidences");
                            int[] ok = g.input().ints("correct");
                            boolean[] b = new boolean[ok.length];
                            for (int i = 0; i < ok.length; i++) b[i] = ok[i] == 1;
                            close("ece", g.output().num("ece"), ctx.subject().ece(c, b, g.input().integer("bins")));
                        } else {
                            double[][] z = g.input().mat("logits");
                            int[] y = g.input().ints("labels");
                            close("nll", g.output().num("nll"), ctx.subject().nll(z, y, g.input().num("temperature")));
                            close("fitTemperature", g.output().num("fittedT"), ctx.subject().fitTemperature(z, y), Tolerance.of(1e-6, 0));
                        }
                    });
                }
            }).enforces("eceValue", "eceBins", "nllValue", "fitMinimises")
                .hint("ECE from numpy with the same floor-and-clamp bins; nll is torch's cross_entropy(logits / T, labels), fittedT its minimiser in [0.05, 20].")
        );
    }

    private static boolean s(Scored c) { return c.labels()[0] % 2 == 0; }
}
