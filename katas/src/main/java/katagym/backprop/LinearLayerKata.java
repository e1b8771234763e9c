package katagym.backprop;

import katagym.NotImplementedYet;

/**
 * Kata {@code linear-layer}: a fully connected layer {@code y = x W^T + b}, forward and backward.
 * Statement: katas/src/main/resources/statements/linear-layer.md ({@code ./kata show linear-layer}).
 */
public final class LinearLayerKata implements LinearLayer {

    /**
     * Returns a new {@code y[n][out]} with {@code y[r][j] = sum_i x[r][i] * w[j][i] + b[j]};
     * {@code w} is {@code [out][in]} as in PyTorch. Must not modify its arguments.
     */
    @Override
    public double[][] forward(double[][] x, double[][] w, double[] b) {
        throw new NotImplementedYet("LinearLayerKata.forward");
    }

    /**
     * Returns the gradients of {@code <upstream, y>}: {@code dx[n][in]}, {@code dw[out][in]} (W's shape)
     * and {@code db[out]}, for {@code upstream[n][out]} = dL/dy.
     */
    @Override
    public Grads backward(double[][] x, double[][] w, double[] b, double[][] upstream) {
        throw new NotImplementedYet("LinearLayerKata.backward");
    }
}
