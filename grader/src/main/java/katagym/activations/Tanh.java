package katagym.activations;

/** The hyperbolic tangent, elementwise. Kata {@code tanh}. */
public interface Tanh {
    /**
     * {@code y[i] = tanh(x[i]) = (e^x - e^-x) / (e^x + e^-x)}, finite and accurate for any finite x
     * (|x| = 1000 included). Returns a new array; must not modify x.
     */
    double[] forward(double[] x);

    /** The vector-Jacobian product: {@code dx[i] = upstream[i] * (1 - y[i]^2)} with {@code y = forward(x)}. */
    double[] backward(double[] x, double[] upstream);
}
