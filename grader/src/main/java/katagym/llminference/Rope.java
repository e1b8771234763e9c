package katagym.llminference;

import katagym.grader.spec.Clause;

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
 * Positions are arbitrary reals (a decode step at position 57 passes {@code positions = {57}}; fractional
 * and negative positions are allowed), not the row index. An empty batch ({@code n = 0}) gives an empty result.
 */
@Clause(id = "newArray", value = "apply returns a new [n][d] array: no row of it is a row of x, nothing is reused between calls, and x and positions are not modified.")
@Clause(id = "rotation", value = "Pair i of row t is rotated by theta = positions[t] * base^(-2i/d): y[2i] = a cos(theta) - b sin(theta), y[2i+1] = a sin(theta) + b cos(theta).")
@Clause(id = "interleavedPairs", value = "Pairs are adjacent entries (x[t][2i], x[t][2i+1]), not the two halves of the row.")
@Clause(id = "positionsAreGiven", value = "Row t uses positions[t] (any real, fractional or negative), not its row index t.")
@Clause(id = "emptyBatch", value = "An empty batch (n = 0) gives an empty result.")
public interface Rope {
    /** Returns a new {@code [n][d]} array; {@code x} ({@code [n][d]}, d even) and {@code positions} ({@code [n]}) are not modified. */
    double[][] apply(double[][] x, double[] positions, double base);
}
