package katagym.activations;

/** Correct leaky ReLU solutions unlike the reference: the spec must pass them on every seed. */
final class LeakyReluAlternatives {
    private LeakyReluAlternatives() {}

    /** max(0, x) + slope * min(0, x), right for every slope; the backward multiplies upstream by the local derivative. */
    static final class PositivePartPlusSlopeTimesNegativePart implements LeakyRelu {
        @Override
        public double[] forward(double[] x, double negativeSlope) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) y[i] = Math.max(0, x[i]) + negativeSlope * Math.min(0, x[i]);
            return y;
        }

        @Override
        public double[] backward(double[] x, double[] upstream, double negativeSlope) {
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) dx[i] = (x[i] > 0 ? 1.0 : negativeSlope) * upstream[i];
            return dx;
        }
    }
}
