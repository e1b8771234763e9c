package katagym.activations;

/** The logistic sigmoid, elementwise. Kata {@code sigmoid}. */
public interface Sigmoid {
    /** {@code y[i] = 1 / (1 + exp(-x[i]))}, finite and accurate for any finite x. Must not modify x. */
    double[] forward(double[] x);

    /** The vector-Jacobian product: {@code dx[i] = upstream[i] * y[i] * (1 - y[i])}. */
    double[] backward(double[] x, double[] upstream);
}
