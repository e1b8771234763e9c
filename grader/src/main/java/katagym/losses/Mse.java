package katagym.losses;

import katagym.grader.spec.Clause;

/** Mean squared error and its gradient (PyTorch {@code MSELoss}, mean reduction). Kata {@code mse}. */
@Clause(id = "pure", value = "Neither method modifies its arguments.")
public interface Mse {
    /**
     * {@code (1/n) * sum_i (prediction[i] - target[i])^2} over the {@code n >= 1} elements; both
     * arrays have the same length. Must not modify its arguments.
     */
    @Clause(id = "lossValue", value = "loss = (1/n) * sum_i (prediction[i] - target[i])^2: the mean (not the sum) over the n >= 1 elements, for any finite values.")
    double loss(double[] prediction, double[] target);

    /**
     * The gradient of {@link #loss} with respect to the prediction, as a new array:
     * {@code dprediction[i] = 2 * (prediction[i] - target[i]) / n}. Must not modify its arguments.
     */
    @Clause(id = "gradientValue", value = "gradient[i] = 2 * (prediction[i] - target[i]) / n.")
    @Clause(id = "gradientNewArray", value = "gradient returns a new array of length n: never one of the arguments, nor a buffer reused between calls.")
    double[] gradient(double[] prediction, double[] target);
}
