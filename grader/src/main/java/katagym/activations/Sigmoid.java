package katagym.activations;

import katagym.grader.spec.Clause;

/** The logistic sigmoid, elementwise. Kata {@code sigmoid}. */
@Clause(id = "newArray", value = "Each method returns a new array of the input's length and never modifies its arguments.")
@Clause(id = "emptyInput", value = "An empty input gives an empty output.")
public interface Sigmoid {
    /** {@code y[i] = 1 / (1 + exp(-x[i]))}, finite and accurate for any finite x. Must not modify x. */
    @Clause(id = "forwardValue", value = "forward(x)[i] = 1 / (1 + exp(-x[i])).")
    @Clause(id = "forwardStable", value = "forward is finite and accurate (within 1e-9 relative) for any finite x, ±1e3 and beyond included.")
    double[] forward(double[] x);

    /** The vector-Jacobian product: {@code dx[i] = upstream[i] * y[i] * (1 - y[i])}. */
    @Clause(id = "backwardValue", value = "backward(x, upstream)[i] = upstream[i] * y[i] * (1 - y[i]) with y = forward(x).")
    @Clause(id = "backwardStable", value = "backward is finite for any finite x and upstream.")
    double[] backward(double[] x, double[] upstream);
}
