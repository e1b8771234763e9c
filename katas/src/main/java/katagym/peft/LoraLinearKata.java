package katagym.peft;

import katagym.NotImplementedYet;

/**
 * Kata {@code lora-linear}: a linear layer with a low-rank adapter, its merge and its gradients.
 * Statement: katas/src/main/resources/statements/lora-linear.md ({@code ./kata show lora-linear}).
 * Shapes: x[n][in], w0[out][in], bias[out], a[r][in], b[out][r]; r = a.length; scale = alpha / r.
 */
public final class LoraLinearKata implements LoraLinear {

    /** Returns {@code y = x w0^T + bias + (alpha / r) x a^T b^T}, shape [n][out]. Must not modify its arguments. */
    @Override
    public double[][] forward(double[][] x, double[][] w0, double[] bias, double[][] a, double[][] b, double alpha) {
        throw new NotImplementedYet("LoraLinearKata.forward");
    }

    /** Returns a new matrix {@code w0 + (alpha / r) b a}, shape [out][in]. */
    @Override
    public double[][] merge(double[][] w0, double[][] a, double[][] b, double alpha) {
        throw new NotImplementedYet("LoraLinearKata.merge");
    }

    /** Returns a new matrix {@code merged - (alpha / r) b a}: the inverse of merge. */
    @Override
    public double[][] unmerge(double[][] merged, double[][] a, double[][] b, double alpha) {
        throw new NotImplementedYet("LoraLinearKata.unmerge");
    }

    /**
     * Returns {@code dA = (alpha / r) (upstream b)^T x} ([r][in]) and {@code dB = (alpha / r) upstream^T (x a^T)}
     * ([out][r]), where {@code upstream = dL/dy} has shape [n][out].
     */
    @Override
    public Grads backward(double[][] x, double[][] a, double[][] b, double alpha, double[][] upstream) {
        throw new NotImplementedYet("LoraLinearKata.backward");
    }

    /** Returns the number of trainable parameters of a rank-r adapter on an in -> out layer: {@code r (in + out)}. */
    @Override
    public long trainableParameters(int in, int out, int r) {
        throw new NotImplementedYet("LoraLinearKata.trainableParameters");
    }
}
