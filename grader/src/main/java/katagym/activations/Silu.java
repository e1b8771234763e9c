package katagym.activations;

/** SiLU, also called Swish-1: {@code x * sigmoid(x)}, elementwise. Kata {@code silu}. */
public interface Silu {
    /**
     * {@code y[i] = x[i] * sigmoid(x[i]) = x[i] / (1 + exp(-x[i]))}, finite and accurate for any
     * finite x (|x| = 1000 included). Returns a new array; must not modify x.
     */
    double[] forward(double[] x);

    /**
     * The vector-Jacobian product: {@code dx[i] = upstream[i] * s * (1 + x[i] * (1 - s))} with
     * {@code s = sigmoid(x[i])}.
     */
    double[] backward(double[] x, double[] upstream);
}
