package katagym.backprop;

/**
 * A fully connected layer, PyTorch's {@code nn.Linear}: {@code y = x W^T + b}. Kata {@code linear-layer}.
 * Shapes: {@code x[n][in]}, {@code w[out][in]} (PyTorch's layout), {@code b[out]}, {@code y[n][out]}.
 * Neither method may modify its arguments.
 */
public interface LinearLayer {

    /** The gradients of the scalar {@code <upstream, y>}: {@code dx[n][in]}, {@code dw[out][in]}, {@code db[out]}. */
    record Grads(double[][] dx, double[][] dw, double[] db) {}

    /** {@code y[r][j] = sum_i x[r][i] * w[j][i] + b[j]}. */
    double[][] forward(double[][] x, double[][] w, double[] b);

    /**
     * The vector-Jacobian product for {@code upstream[n][out]} = dL/dy:
     * {@code dx = upstream · W}, {@code dW = upstream^T · x}, {@code db[j] = sum_r upstream[r][j]}.
     */
    Grads backward(double[][] x, double[][] w, double[] b, double[][] upstream);
}
