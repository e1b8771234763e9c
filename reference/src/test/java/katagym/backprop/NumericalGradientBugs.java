package katagym.backprop;

import java.util.function.ToDoubleFunction;

/** Plausible learner bugs the numerical-gradient spec must catch. */
final class NumericalGradientBugs {
    private NumericalGradientBugs() {}

    /** The forward difference (f(x + h e_i) - f(x)) / h: error O(h) instead of O(h^2). */
    static final class ForwardDifference extends NumericalGradientReference {
        @Override
        public double[] centralDifference(ToDoubleFunction<double[]> f, double[] x, double h) {
            double f0 = f.applyAsDouble(x.clone());
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double[] p = x.clone();
                p[i] += h;
                g[i] = (f.applyAsDouble(p) - f0) / h;
            }
            return g;
        }
    }

    /** Perturbs x in place and undoes it with += h, -= 2h, += h: rounding leaves x changed. */
    static final class PerturbsInPlace extends NumericalGradientReference {
        @Override
        public double[] centralDifference(ToDoubleFunction<double[]> f, double[] x, double h) {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] += h;
                double plus = f.applyAsDouble(x);
                x[i] -= 2 * h;
                double minus = f.applyAsDouble(x);
                x[i] += h;
                g[i] = (plus - minus) / (2 * h);
            }
            return g;
        }
    }

    /** Ignores the given h and always steps by 1e-6. */
    static final class IgnoresTheGivenStep extends NumericalGradientReference {
        @Override
        public double[] centralDifference(ToDoubleFunction<double[]> f, double[] x, double h) {
            return super.centralDifference(f, x, 1e-6);
        }
    }

    /** Divides by |a + n| instead of |a| + |n|: blows up when the two have opposite signs. */
    static final class DenominatorWithoutAbsoluteValues extends NumericalGradientReference {
        @Override
        public double relativeError(double[] analytic, double[] numeric) {
            double worst = 0;
            for (int i = 0; i < analytic.length; i++) {
                double a = analytic[i], n = numeric[i];
                worst = Math.max(worst, Math.abs(a - n) / Math.max(Math.abs(a + n), FLOOR));
            }
            return worst;
        }
    }

    /** Averages the entries' errors, so one wrong coordinate among many looks harmless. */
    static final class AveragesInsteadOfMax extends NumericalGradientReference {
        @Override
        public double relativeError(double[] analytic, double[] numeric) {
            if (analytic.length == 0) return 0;
            double sum = 0;
            for (int i = 0; i < analytic.length; i++) {
                double a = analytic[i], n = numeric[i];
                sum += Math.abs(a - n) / Math.max(Math.abs(a) + Math.abs(n), FLOOR);
            }
            return sum / analytic.length;
        }
    }

    /** Evaluates f(x) once up front "for reference" (2n + 1 calls): the contract allows exactly 2n. */
    static final class EvaluatesFAtXFirst extends NumericalGradientReference {
        @Override
        public double[] centralDifference(ToDoubleFunction<double[]> f, double[] x, double h) {
            f.applyAsDouble(x.clone());
            return super.centralDifference(f, x, h);
        }
    }

    /** Divides by |a| + |n| with no floor: two zero entries give 0 / 0 = NaN. */
    static final class NoFloorInTheDenominator extends NumericalGradientReference {
        @Override
        public double relativeError(double[] analytic, double[] numeric) {
            double worst = 0;
            for (int i = 0; i < analytic.length; i++) {
                double a = analytic[i], n = numeric[i];
                double e = Math.abs(a - n) / (Math.abs(a) + Math.abs(n));
                worst = Double.isNaN(e) || e > worst ? e : worst;
            }
            return worst;
        }
    }

    /** Starts the running maximum at -Infinity: empty vectors give -Infinity instead of 0. */
    static final class MaxStartsAtMinusInfinity extends NumericalGradientReference {
        @Override
        public double relativeError(double[] analytic, double[] numeric) {
            return analytic.length == 0 ? Double.NEGATIVE_INFINITY : super.relativeError(analytic, numeric);
        }
    }

    /** Adds the floor to the denominator instead of flooring it: tiny entries of opposite sign give less than 1. */
    static final class FloorAddedInsteadOfMax extends NumericalGradientReference {
        @Override
        public double relativeError(double[] analytic, double[] numeric) {
            double worst = 0;
            for (int i = 0; i < analytic.length; i++) {
                double a = analytic[i], n = numeric[i];
                worst = Math.max(worst, Math.abs(a - n) / (Math.abs(a) + Math.abs(n) + FLOOR));
            }
            return worst;
        }
    }
}
