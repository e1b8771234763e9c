package katagym.transformer;

import katagym.NotImplementedYet;

/**
 * Kata {@code positional-encoding}: the sinusoidal encoding of "Attention Is All You Need".
 * Statement: katas/src/main/resources/statements/positional-encoding.md ({@code ./kata show positional-encoding}).
 */
public final class PositionalEncodingKata implements PositionalEncoding {

    /**
     * Returns {@code PE[numPositions][d]} with {@code PE[pos][2i] = sin(pos / 10000^(2i/d))} and
     * {@code PE[pos][2i+1] = cos(pos / 10000^(2i/d))}.
     */
    @Override
    public double[][] encode(int numPositions, int d) {
        throw new NotImplementedYet("PositionalEncodingKata.encode");
    }
}
