package katagym.transformer;

/** Correct solutions written unlike the reference: the spec must accept them on every seed. */
final class PositionalEncodingAlternatives {
    private PositionalEncodingAlternatives() {}

    /** The frequency as exp(-2i ln(10000) / d) and the angle as pos / 10000^(2i/d) (a division), pair by pair. */
    static final class ExpLogFrequencyPairByPair implements PositionalEncoding {
        @Override
        public double[][] encode(int numPositions, int d) {
            double[][] pe = new double[numPositions][d];
            for (int i = 0; 2 * i < d; i++) {
                double wavelength = Math.exp(2.0 * i * Math.log(10000) / d);
                for (int pos = 0; pos < numPositions; pos++) {
                    double angle = pos / wavelength;
                    pe[pos][2 * i] = Math.sin(angle);
                    if (2 * i + 1 < d) pe[pos][2 * i + 1] = Math.cos(angle);
                }
            }
            return pe;
        }
    }
}
