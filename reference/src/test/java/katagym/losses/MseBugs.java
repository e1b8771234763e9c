package katagym.losses;

/** Plausible learner bugs the mse spec must catch. */
final class MseBugs {
    private MseBugs() {}

    /** Sums the squared errors instead of averaging them (reduction "sum"). */
    static final class SumInsteadOfMean extends MseReference {
        @Override
        public double loss(double[] prediction, double[] target) {
            return super.loss(prediction, target) * prediction.length;
        }
    }

    /** Forgets the 1/n of the mean in the gradient. */
    static final class GradientMissingOneOverN extends MseReference {
        @Override
        public double[] gradient(double[] prediction, double[] target) {
            double[] g = new double[prediction.length];
            for (int i = 0; i < g.length; i++) g[i] = 2 * (prediction[i] - target[i]);
            return g;
        }
    }

    /** Drops the factor 2 of the derivative of a square. */
    static final class GradientMissingFactorTwo extends MseReference {
        @Override
        public double[] gradient(double[] prediction, double[] target) {
            double[] g = new double[prediction.length];
            for (int i = 0; i < g.length; i++) g[i] = (prediction[i] - target[i]) / g.length;
            return g;
        }
    }

    /** Differentiates (target - prediction)^2 as if target were the variable: the sign is flipped. */
    static final class GradientSignFlipped extends MseReference {
        @Override
        public double[] gradient(double[] prediction, double[] target) {
            double[] g = new double[prediction.length];
            for (int i = 0; i < g.length; i++) g[i] = 2 * (target[i] - prediction[i]) / g.length;
            return g;
        }
    }

    /** Stores the residual in the prediction array, which the caller still needs. */
    static final class OverwritesThePrediction extends MseReference {
        @Override
        public double[] gradient(double[] prediction, double[] target) {
            int n = prediction.length;
            for (int i = 0; i < n; i++) prediction[i] = 2 * (prediction[i] - target[i]) / n;
            return prediction;
        }
    }

    /** Keeps the gradient in a field to save allocations: the next call overwrites the caller's earlier gradient. */
    static final class ReusesGradientBuffer extends MseReference {
        private double[] buffer = new double[0];

        @Override
        public double[] gradient(double[] prediction, double[] target) {
            int n = prediction.length;
            if (buffer.length != n) buffer = new double[n];
            for (int i = 0; i < n; i++) buffer[i] = 2 * (prediction[i] - target[i]) / n;
            return buffer;
        }
    }

    /** Squares the mean residual instead of averaging the squared residuals. */
    static final class SquareOfTheMeanResidual extends MseReference {
        @Override
        public double loss(double[] prediction, double[] target) {
            double sum = 0;
            for (int i = 0; i < prediction.length; i++) sum += prediction[i] - target[i];
            double m = sum / prediction.length;
            return m * m;
        }
    }

    /** Integer arithmetic for the constant: 2 / n is 0 for n >= 3. */
    static final class IntegerDivisionTwoOverN extends MseReference {
        @Override
        public double[] gradient(double[] prediction, double[] target) {
            int n = prediction.length;
            double[] g = new double[n];
            for (int i = 0; i < n; i++) g[i] = (2 / n) * (prediction[i] - target[i]);
            return g;
        }
    }
}
