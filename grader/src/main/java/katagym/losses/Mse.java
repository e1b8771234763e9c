package katagym.losses;

/** Mean squared error and its gradient (PyTorch {@code MSELoss}, mean reduction). Kata {@code mse}. */
public interface Mse {
    /**
     * {@code (1/n) * sum_i (prediction[i] - target[i])^2} over the {@code n >= 1} elements; both
     * arrays have the same length. Must not modify its arguments.
     */
    double loss(double[] prediction, double[] target);

    /**
     * The gradient of {@link #loss} with respect to the prediction, as a new array:
     * {@code dprediction[i] = 2 * (prediction[i] - target[i]) / n}. Must not modify its arguments.
     */
    double[] gradient(double[] prediction, double[] target);
}
