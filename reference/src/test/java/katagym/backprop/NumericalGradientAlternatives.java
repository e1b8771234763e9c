package katagym.backprop;

import java.util.function.ToDoubleFunction;

/** Correct solutions written unlike the reference: the spec must accept them on every seed. */
final class NumericalGradientAlternatives {
    private NumericalGradientAlternatives() {}

    /** Perturbs x itself and restores the saved value after each coordinate (the contract allows it); the error via one division per entry. */
    static final class PerturbInPlaceAndRestore implements NumericalGradient {
        @Override
        public double[] centralDifference(ToDoubleFunction<double[]> f, double[] x, double h) {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double saved = x[i];
                x[i] = saved + h;
                double plus = f.applyAsDouble(x);
                x[i] = saved - h;
                double minus = f.applyAsDouble(x);
                x[i] = saved;
                g[i] = (plus - minus) / (2 * h);
            }
            return g;
        }

        @Override
        public double relativeError(double[] analytic, double[] numeric) {
            double worst = 0;
            for (int i = 0; i < analytic.length; i++) {
                double num = Math.abs(analytic[i] - numeric[i]);
                double den = Math.abs(analytic[i]) + Math.abs(numeric[i]);
                double e = num / (den < FLOOR ? FLOOR : den);
                if (e > worst) worst = e;
            }
            return worst;
        }
    }
}
