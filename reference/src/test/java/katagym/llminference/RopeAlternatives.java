package katagym.llminference;

/** Correct rope solutions unlike the reference. */
final class RopeAlternatives {
    private RopeAlternatives() {}

    /** Frequencies as exp(-(2i/d) ln base) and the rotation written as a complex product (a + ib)(cos + i sin). */
    static final class ComplexProductWithExpLogFrequencies implements Rope {
        @Override
        public double[][] apply(double[][] x, double[] positions, double base) {
            double[][] y = new double[x.length][];
            for (int t = 0; t < x.length; t++) {
                int d = x[t].length;
                y[t] = new double[d];
                for (int i = 0; i < d / 2; i++) {
                    double theta = positions[t] * Math.exp(-(2.0 * i / d) * Math.log(base));
                    double re = Math.cos(theta), im = Math.sin(theta);
                    double a = x[t][2 * i], b = x[t][2 * i + 1];
                    y[t][2 * i] = a * re - b * im;
                    y[t][2 * i + 1] = b * re + a * im;
                }
            }
            return y;
        }
    }
}
