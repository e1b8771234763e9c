package katagym.activations;

import katagym.grader.spec.Clause;

/**
 * Leaky ReLU with a negative slope, elementwise. Kata {@code leaky-relu}. The slope may be any finite
 * number, as in PyTorch: 0, the usual 0.01 to 0.3, but also above 1 or negative.
 */
@Clause(id = "newArray", value = "Each method returns a new array of the input's length and never modifies its arguments.")
@Clause(id = "emptyInput", value = "An empty input gives an empty output.")
@Clause(id = "anySlope", value = "negativeSlope may be any finite number (0, above 1 and negative included); both methods follow their formula for every slope.")
public interface LeakyRelu {
    /**
     * {@code y[i] = x[i]} where {@code x[i] >= 0}, else {@code negativeSlope * x[i]} (PyTorch's
     * {@code leaky_relu}, default slope 0.01). Returns a new array; must not modify x.
     */
    @Clause(id = "forwardValue", value = "forward(x, slope)[i] = x[i] where x[i] >= 0, else slope * x[i].")
    double[] forward(double[] x, double negativeSlope);

    /**
     * The vector-Jacobian product: {@code dx[i] = upstream[i]} where {@code x[i] > 0}, else
     * {@code negativeSlope * upstream[i]}. At exactly 0 the derivative is the slope, as in PyTorch.
     */
    @Clause(id = "backwardValue", value = "backward(x, upstream, slope)[i] = upstream[i] where x[i] > 0, else slope * upstream[i].")
    @Clause(id = "gradientAtZero", value = "At x[i] == 0 (either sign of zero) the derivative is the slope, as in PyTorch.")
    double[] backward(double[] x, double[] upstream, double negativeSlope);
}
