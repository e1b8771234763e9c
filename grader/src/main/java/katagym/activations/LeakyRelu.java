package katagym.activations;

/** Leaky ReLU with a negative slope, elementwise. Kata {@code leaky-relu}. */
public interface LeakyRelu {
    /**
     * {@code y[i] = x[i]} where {@code x[i] >= 0}, else {@code negativeSlope * x[i]} (PyTorch's
     * {@code leaky_relu}, default slope 0.01). Returns a new array; must not modify x.
     */
    double[] forward(double[] x, double negativeSlope);

    /**
     * The vector-Jacobian product: {@code dx[i] = upstream[i]} where {@code x[i] > 0}, else
     * {@code negativeSlope * upstream[i]}. At exactly 0 the derivative is the slope, as in PyTorch.
     */
    double[] backward(double[] x, double[] upstream, double negativeSlope);
}
