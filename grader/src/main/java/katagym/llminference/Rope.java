package katagym.llminference;

/**
 * Rotary position embedding (RoFormer, Su et al. 2021) on interleaved pairs. Kata {@code rope}.
 *
 * <p>For a row {@code x[t]} of even width {@code d} at position {@code m = positions[t]}, pair
 * {@code i} ({@code 0 <= i < d/2}) is {@code (x[t][2i], x[t][2i+1])}, rotated by the angle
 * {@code theta = m * base^(-2i/d)}:
 * <pre>
 *   y[t][2i]   = x[t][2i] cos(theta) - x[t][2i+1] sin(theta)
 *   y[t][2i+1] = x[t][2i] sin(theta) + x[t][2i+1] cos(theta)
 * </pre>
 * Positions are arbitrary (a decode step at position 57 passes {@code positions = {57}}), not the row index.
 */
public interface Rope {
    /** Returns a new {@code [n][d]} array; {@code x} ({@code [n][d]}, d even) and {@code positions} ({@code [n]}) are not modified. */
    double[][] apply(double[][] x, double[] positions, double base);
}
