package katagym.activations;

import katagym.grader.spec.Clause;

/** SiLU, also called Swish-1: {@code x * sigmoid(x)}, elementwise. Kata {@code silu}. */
@Clause(id = "newArray", value = "Each method returns a new array of the input's length and never modifies its arguments.")
@Clause(id = "emptyInput", value = "An empty input gives an empty output.")
public interface Silu {
    /**
     * {@code y[i] = x[i] * sigmoid(x[i]) = x[i] / (1 + exp(-x[i]))}, finite and accurate (within 1e-9
     * relative; results below 1e-300 in magnitude absolutely) for any finite x (|x| = 1000 included).
     * Returns a new array; must not modify x.
     */
    @Clause(id = "forwardValue", value = "forward(x)[i] = x[i] * sigmoid(x[i]) = x[i] / (1 + exp(-x[i])).")
    @Clause(id = "forwardStable", value = "forward is finite for any finite x and within 1e-9 relative of silu, the far left tail included (silu(-40) = -1.7e-16 is not 0); only results below 1e-300 in magnitude are compared absolutely.")
    double[] forward(double[] x);

    /**
     * The vector-Jacobian product: {@code dx[i] = upstream[i] * s * (1 + x[i] * (1 - s))} with
     * {@code s = sigmoid(x[i])}.
     */
    @Clause(id = "backwardValue", value = "backward(x, upstream)[i] = upstream[i] * s * (1 + x[i] * (1 - s)) with s = sigmoid(x[i]).")
    @Clause(id = "backwardStable", value = "backward is finite for any finite x and upstream.")
    double[] backward(double[] x, double[] upstream);
}
