package katagym.activations;

import katagym.grader.spec.Clause;

/** The rectified linear unit, elementwise. Kata {@code relu}. */
@Clause(id = "newArray", value = "Each method returns a new array of the input's length (even when nothing is clamped) and never modifies its arguments.")
@Clause(id = "emptyInput", value = "An empty input gives an empty output.")
public interface Relu {
    /** {@code y[i] = max(0, x[i])}. Returns a new array (even when no entry is negative); must not modify x. */
    @Clause(id = "forwardValue", value = "forward(x)[i] = max(0, x[i]).")
    double[] forward(double[] x);

    /**
     * The vector-Jacobian product: {@code dx[i] = upstream[i]} where {@code x[i] > 0}, else {@code 0}.
     * At {@code x[i] == 0} the derivative is taken as 0, as PyTorch does.
     */
    @Clause(id = "backwardValue", value = "backward(x, upstream)[i] = upstream[i] where x[i] > 0, else 0.")
    @Clause(id = "gradientAtZero", value = "At x[i] == 0 (either sign of zero) the derivative is 0, as in PyTorch.")
    double[] backward(double[] x, double[] upstream);
}
