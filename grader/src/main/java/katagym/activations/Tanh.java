package katagym.activations;

import katagym.grader.spec.Clause;

/** The hyperbolic tangent, elementwise. Kata {@code tanh}. */
@Clause(id = "newArray", value = "Each method returns a new array of the input's length and never modifies its arguments.")
@Clause(id = "emptyInput", value = "An empty input gives an empty output.")
public interface Tanh {
    /**
     * {@code y[i] = tanh(x[i]) = (e^x - e^-x) / (e^x + e^-x)}, finite and accurate (within 1e-9 relative)
     * for any finite x: |x| = 1000 included, and tiny x too (tanh(1e-300) = 1e-300, not 0).
     * Returns a new array; must not modify x.
     */
    @Clause(id = "forwardValue", value = "forward(x)[i] = tanh(x[i]) = (e^x - e^-x) / (e^x + e^-x).")
    @Clause(id = "forwardStable", value = "forward is finite and within 1e-9 relative of tanh for any finite x: |x| up to 1e3 and beyond, and tiny |x| down to 1e-300.")
    double[] forward(double[] x);

    /** The vector-Jacobian product: {@code dx[i] = upstream[i] * (1 - y[i]^2)} with {@code y = forward(x)}. */
    @Clause(id = "backwardValue", value = "backward(x, upstream)[i] = upstream[i] * (1 - tanh(x[i])^2).")
    @Clause(id = "backwardStable", value = "backward is finite for any finite x and upstream.")
    double[] backward(double[] x, double[] upstream);
}
