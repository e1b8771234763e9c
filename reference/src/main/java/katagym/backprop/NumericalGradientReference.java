package katagym.backprop;

import java.util.function.ToDoubleFunction;

public class NumericalGradientReference implements NumericalGradient {

    @Override
    public double[] centralDifference(ToDoubleFunction<double[]> f, double[] x, double h) {
        double[] g = new double[x.length];
        double[] probe = x.clone();
        for (int i = 0; i < x.length; i++) {
            probe[i] = x[i] + h;
            double plus = f.applyAsDouble(probe.clone());
            probe[i] = x[i] - h;
            double minus = f.applyAsDouble(probe.clone());
            probe[i] = x[i];
            g[i] = (plus - minus) / (2 * h);
        }
        return g;
    }

    @Override
    public double relativeError(double[] analytic, double[] numeric) {
        double worst = 0;
        for (int i = 0; i < analytic.length; i++) {
            double a = analytic[i], n = numeric[i];
            worst = Math.max(worst, Math.abs(a - n) / Math.max(Math.abs(a) + Math.abs(n), FLOOR));
        }
        return worst;
    }
}
