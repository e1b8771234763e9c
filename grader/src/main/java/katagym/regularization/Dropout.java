package katagym.regularization;

/**
 * Dropout with explicit randomness, so that it can be graded: unit i is KEPT when {@code u[i] >= p}
 * and dropped when {@code u[i] < p}, where {@code u[i]} is a uniform draw in [0, 1) given by the
 * caller and {@code 0 <= p < 1} is the drop probability. Kata {@code dropout}.
 * Every method returns a new array and modifies none of its arguments.
 */
public interface Dropout {

    /** Inverted dropout (PyTorch's {@code nn.Dropout} in training): {@code y[i] = keep_i ? x[i] / (1 - p) : 0}. */
    double[] invertedTrain(double[] x, double[] u, double p);

    /** Inverted dropout at evaluation: the identity (a copy of x). */
    double[] invertedEval(double[] x, double p);

    /** Backward of {@link #invertedTrain} with the SAME draws: {@code dx[i] = keep_i ? upstream[i] / (1 - p) : 0}. */
    double[] invertedBackward(double[] upstream, double[] u, double p);

    /** Classic dropout (Srivastava et al. 2014) in training: {@code y[i] = keep_i ? x[i] : 0}, no scaling. */
    double[] classicTrain(double[] x, double[] u, double p);

    /** Classic dropout at inference: every unit is kept and scaled, {@code y[i] = (1 - p) * x[i]}. */
    double[] classicInference(double[] x, double p);

    /** Backward of {@link #classicTrain} with the SAME draws: {@code dx[i] = keep_i ? upstream[i] : 0}. */
    double[] classicBackward(double[] upstream, double[] u, double p);
}
