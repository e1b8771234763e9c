package katagym.backprop;

import katagym.grader.spec.Clause;

/**
 * A fully connected layer, PyTorch's {@code nn.Linear}: {@code y = x W^T + b}. Kata {@code linear-layer}.
 * Shapes: {@code x[n][in]}, {@code w[out][in]} (PyTorch's layout), {@code b[out]}, {@code y[n][out]}.
 * Neither method may modify its arguments; both return new arrays. An empty batch ({@code n = 0}) is
 * allowed: {@code y} is {@code [0][out]}, {@code dx} is {@code [0][in]}, {@code dw} and {@code db} are zeros.
 */
@Clause(id = "newArrays", value = "Both methods return new arrays and modify none of their arguments; backward keeps no state between calls (each call returns that call's gradients, never a running sum).")
@Clause(id = "emptyBatch", value = "An empty batch (n = 0) is allowed: y is [0][out], dx is [0][in], dw and db are zeros of their shapes.")
public interface LinearLayer {

    /** The gradients of the scalar {@code <upstream, y>}: {@code dx[n][in]}, {@code dw[out][in]}, {@code db[out]}. */
    record Grads(double[][] dx, double[][] dw, double[] db) {}

    /** {@code y[r][j] = sum_i x[r][i] * w[j][i] + b[j]}. */
    @Clause(id = "forwardValue", value = "forward(x, w, b)[r][j] = sum_i x[r][i] w[j][i] + b[j], shape [n][out].")
    double[][] forward(double[][] x, double[][] w, double[] b);

    /**
     * The vector-Jacobian product for {@code upstream[n][out]} = dL/dy:
     * {@code dx = upstream · W}, {@code dW = upstream^T · x}, {@code db[j] = sum_r upstream[r][j]}.
     */
    @Clause(id = "backwardValue", value = "backward gives dx = upstream W [n][in], dW = upstream^T x [out][in] and db[j] = sum over the rows r of upstream[r][j], every row of the batch accumulated.")
    Grads backward(double[][] x, double[][] w, double[] b, double[][] upstream);
}
