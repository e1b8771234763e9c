package katagym.llminference;

import katagym.NotImplementedYet;

/**
 * Kata {@code rope}: rotary position embedding on interleaved pairs.
 * Statement: katas/src/main/resources/statements/rope.md ({@code ./kata show rope}).
 */
public final class RopeKata implements Rope {

    /**
     * Returns a new [n][d] array: row t, pair i = (x[t][2i], x[t][2i+1]) rotated by the angle
     * {@code positions[t] * base^(-2i/d)}. Must not modify {@code x} or {@code positions}.
     */
    @Override
    public double[][] apply(double[][] x, double[] positions, double base) {
        throw new NotImplementedYet("RopeKata.apply");
    }
}
