package katagym.activations;

/** The rectified linear unit, elementwise. Kata {@code relu}. */
public interface Relu {
    /** {@code y[i] = max(0, x[i])}. Returns a new array; must not modify x. */
    double[] forward(double[] x);

    /**
     * The vector-Jacobian product: {@code dx[i] = upstream[i]} where {@code x[i] > 0}, else {@code 0}.
     * At {@code x[i] == 0} the derivative is taken as 0, as PyTorch does.
     */
    double[] backward(double[] x, double[] upstream);
}
