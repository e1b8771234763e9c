package katagym.transformer;

/** The original Transformer's sinusoidal positional encoding. Kata {@code positional-encoding}. */
public interface PositionalEncoding {
    /**
     * {@code PE[pos][2i] = sin(pos / 10000^(2i/d))} and {@code PE[pos][2i+1] = cos(pos / 10000^(2i/d))}
     * for {@code pos = 0 .. numPositions-1}; shape {@code [numPositions][d]}, {@code d >= 1} (for odd d
     * the last column is a sine).
     */
    double[][] encode(int numPositions, int d);
}
