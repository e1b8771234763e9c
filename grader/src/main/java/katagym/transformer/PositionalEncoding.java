package katagym.transformer;

import katagym.grader.spec.Clause;

/** The original Transformer's sinusoidal positional encoding. Kata {@code positional-encoding}. */
public interface PositionalEncoding {
    /**
     * {@code PE[pos][2i] = sin(pos / 10000^(2i/d))} and {@code PE[pos][2i+1] = cos(pos / 10000^(2i/d))}
     * for {@code pos = 0 .. numPositions-1}; shape {@code [numPositions][d]}, {@code d >= 1} (for odd d
     * the last column is a sine). {@code numPositions >= 0}; returns a new array on every call.
     */
    @Clause(id = "value", value = "PE[pos][2i] = sin(pos / 10000^(2i/d)) and PE[pos][2i+1] = cos(pos / 10000^(2i/d)), positions counted from 0, shape [numPositions][d].")
    @Clause(id = "oddWidth", value = "For odd d the last column is a sine, with the same exponent 2i/d as every other pair (d itself, not d + 1).")
    @Clause(id = "emptyAndLong", value = "numPositions = 0 gives an empty table; long tables (2048 positions) stay accurate to 1e-9.")
    @Clause(id = "newArray", value = "encode returns a new array on every call: never a table cached and handed out twice.")
    double[][] encode(int numPositions, int d);
}
