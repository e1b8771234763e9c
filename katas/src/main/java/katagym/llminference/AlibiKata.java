package katagym.llminference;

import katagym.NotImplementedYet;

/**
 * Kata {@code alibi}.
 * Statement: katas/src/main/resources/statements/alibi.md ({@code ./kata show alibi}).
 */
public final class AlibiKata implements Alibi {

    /**
     * The H head slopes: 2^(-8 (h + 1) / H) when H is a power of two; otherwise the slopes of the
     * largest power of two c below H, then every other slope (indices 0, 2, ...) of the 2c sequence.
     * Throw IllegalArgumentException when heads < 1.
     */
    @Override
    public double[] slopes(int heads) {
        throw new NotImplementedYet("AlibiKata.slopes");
    }

    /**
     * A new n x n matrix: -slope * (i - j) where j <= i, Double.NEGATIVE_INFINITY where j > i.
     * Throw IllegalArgumentException when n < 0.
     */
    @Override
    public double[][] bias(int n, double slope) {
        throw new NotImplementedYet("AlibiKata.bias");
    }

    /**
     * Causal attention per head h: softmax over j <= i of q_i . k_j / sqrt(d) - m_h (i - j), times v.
     * Use a stable softmax; return a new [H][n][dv] array.
     */
    @Override
    public double[][][] attention(double[][][] q, double[][][] k, double[][][] v) {
        throw new NotImplementedYet("AlibiKata.attention");
    }
}
