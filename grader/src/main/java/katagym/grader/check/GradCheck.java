package katagym.grader.check;

import java.util.function.IntPredicate;
import java.util.function.ToDoubleFunction;

/**
 * Checks an analytic gradient against central differences of the subject's own scalar function:
 * {@code (f(x + h e_i) - f(x - h e_i)) / 2h} for every coordinate. The error per entry is
 * {@code |analytic - numeric| / max(1, |analytic|, |numeric|)}, relative for large gradients and
 * absolute for small ones; the worst entry is reported with both values.
 */
public final class GradCheck {
    public static final double H = 1e-6;
    public static final double MAX_ERROR = 1e-6;

    private GradCheck() {}

    /** Gradient of {@code f} at {@code x} must equal {@code analytic}. */
    public static void check(String what, double[] x, ToDoubleFunction<double[]> f, double[] analytic) {
        check(what, x, f, analytic, i -> false, MAX_ERROR);
    }

    /**
     * As {@link #check(String, double[], ToDoubleFunction, double[])} but skipping coordinates for
     * which {@code nearKink} is true (a non-differentiable point within {@code h}).
     */
    public static void check(String what, double[] x, ToDoubleFunction<double[]> f, double[] analytic,
                             IntPredicate nearKink, double maxError) {
        Checks.that(analytic != null, what + ": the gradient is null");
        Checks.that(analytic.length == x.length,
                () -> what + " has " + analytic.length + " entries, expected " + x.length + " (one per input)");
        double[] numeric = numeric(x, f);
        int worst = -1;
        double worstErr = 0;
        for (int i = 0; i < x.length; i++) {
            if (nearKink.test(i)) continue;
            double a = analytic[i], n = numeric[i];
            if (!Double.isFinite(a)) {
                Checks.fail(what + "[" + i + "] is " + a + ": not finite");
            }
            double err = Math.abs(a - n) / Math.max(1, Math.max(Math.abs(a), Math.abs(n)));
            if (err > worstErr) { worstErr = err; worst = i; }
        }
        if (worst >= 0 && worstErr > maxError) {
            int w = worst;
            Checks.fail(what + " disagrees with central differences of your own forward at [" + w + "]: analytic "
                    + analytic[w] + ", numeric " + numeric[w] + ", relative error "
                    + String.format("%.3g", worstErr) + " (limit " + maxError + ")");
        }
    }

    /** Central-difference gradient of {@code f} at {@code x}; {@code x} itself is left unchanged. */
    public static double[] numeric(double[] x, ToDoubleFunction<double[]> f) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += H;
            xm[i] -= H;
            g[i] = (f.applyAsDouble(xp) - f.applyAsDouble(xm)) / (2 * H);
        }
        return g;
    }
}
