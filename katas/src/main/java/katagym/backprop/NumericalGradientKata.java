package katagym.backprop;

import java.util.function.ToDoubleFunction;
import katagym.NotImplementedYet;

/**
 * Kata {@code numerical-gradient}: the gradient checker itself.
 * Statement: katas/src/main/resources/statements/numerical-gradient.md ({@code ./kata show numerical-gradient}).
 */
public final class NumericalGradientKata implements NumericalGradient {

    /**
     * Returns {@code g[i] = (f(x + h e_i) - f(x - h e_i)) / (2 h)} for every i. Must leave {@code x}
     * exactly as it was (perturb a copy).
     */
    @Override
    public double[] centralDifference(ToDoubleFunction<double[]> f, double[] x, double h) {
        throw new NotImplementedYet("NumericalGradientKata.centralDifference");
    }

    /** Returns {@code max_i |a[i] - n[i]| / max(|a[i]| + |n[i]|, FLOOR)}, 0 for empty vectors. */
    @Override
    public double relativeError(double[] analytic, double[] numeric) {
        throw new NotImplementedYet("NumericalGradientKata.relativeError");
    }
}
