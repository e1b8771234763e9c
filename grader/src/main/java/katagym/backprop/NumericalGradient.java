package katagym.backprop;

import java.util.function.ToDoubleFunction;
import katagym.grader.spec.Clause;

/**
 * The gradient checker itself: central differences and the relative error between an analytic and
 * a numeric gradient. Kata {@code numerical-gradient}.
 */
public interface NumericalGradient {

    /** The floor of the relative error's denominator, so that two (near-)zero entries compare as equal. */
    double FLOOR = 1e-8;

    /**
     * The central-difference gradient of {@code f} at {@code x} with step {@code h > 0}:
     * {@code g[i] = (f(x + h e_i) - f(x - h e_i)) / (2 h)}, where {@code e_i} is the i-th unit vector.
     * Calls {@code f} exactly {@code 2 * x.length} times. Must leave {@code x} exactly as it was
     * (bit for bit): perturb a copy, or restore the saved value, never {@code x[i] -= h}.
     */
    @Clause(id = "cdValue", value = "centralDifference(f, x, h)[i] = (f(x + h e_i) - f(x - h e_i)) / (2h), with the h given; a new array of x.length entries.")
    @Clause(id = "callCount", value = "centralDifference calls f exactly 2 * x.length times: no extra evaluation at x itself.")
    @Clause(id = "xUnchanged", value = "centralDifference leaves x exactly as it was, bit for bit.")
    double[] centralDifference(ToDoubleFunction<double[]> f, double[] x, double h);

    /**
     * The worst entry's relative error:
     * {@code max_i |a[i] - n[i]| / max(|a[i]| + |n[i]|, FLOOR)}, and 0 for empty vectors.
     * It always lies in [0, 1]: 0 when the entries are equal, 1 when they have opposite signs (or one is 0).
     * Both arrays have the same length; neither is modified.
     */
    @Clause(id = "relValue", value = "relativeError = max over i of |a[i] - n[i]| / max(|a[i]| + |n[i]|, FLOOR): the worst entry, the denominator floored (not FLOOR added).")
    @Clause(id = "relRange", value = "relativeError lies in [0, 1]: 0 for equal vectors (zeros included, never NaN) and for empty vectors, 1 for an entry of opposite sign.")
    @Clause(id = "relPure", value = "relativeError modifies neither array.")
    double relativeError(double[] analytic, double[] numeric);
}
