package katagym.transformer;

public class PositionalEncodingReference implements PositionalEncoding {

    /** The angular frequency of column pair i: 10000^(-2i/d). */
    protected double frequency(int pair, int column, int d) {
        return Math.pow(10000, -2.0 * pair / d);
    }

    @Override
    public double[][] encode(int numPositions, int d) {
        double[][] pe = new double[numPositions][d];
        for (int pos = 0; pos < numPositions; pos++) {
            for (int c = 0; c < d; c++) {
                double angle = pos * frequency(c / 2, c, d);
                pe[pos][c] = c % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
            }
        }
        return pe;
    }
}
