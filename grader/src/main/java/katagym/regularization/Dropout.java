package katagym.regularization;

import katagym.grader.spec.Clause;

/**
 * Dropout with explicit randomness, so that it can be graded: unit i is KEPT when {@code u[i] >= p}
 * and dropped when {@code u[i] < p}, where {@code u[i]} is a uniform draw in [0, 1) given by the
 * caller and {@code 0 <= p < 1} is the drop probability. Kata {@code dropout}.
 * Every method returns a new array and modifies none of its arguments.
 */
@Clause(id = "newArray", value = "Every method returns a new array (even for p = 0, when nothing is dropped) and modifies none of its arguments.")
@Clause(id = "emptyInput", value = "An empty input gives an empty output.")
@Clause(id = "keepRule", value = "Unit i is kept iff u[i] >= p (a draw equal to p keeps it), for every p in [0, 1).")
public interface Dropout {

    /** Inverted dropout (PyTorch's {@code nn.Dropout} in training): {@code y[i] = keep_i ? x[i] / (1 - p) : 0}. */
    @Clause(id = "invertedTrainValue", value = "invertedTrain(x, u, p)[i] = x[i] / (1 - p) where kept, else 0.")
    double[] invertedTrain(double[] x, double[] u, double p);

    /** Inverted dropout at evaluation: the identity (a copy of x). */
    @Clause(id = "invertedEvalValue", value = "invertedEval(x, p) is a copy of x.")
    double[] invertedEval(double[] x, double p);

    /** Backward of {@link #invertedTrain} with the SAME draws: {@code dx[i] = keep_i ? upstream[i] / (1 - p) : 0}. */
    @Clause(id = "invertedBackwardValue", value = "invertedBackward(upstream, u, p)[i] = upstream[i] / (1 - p) where kept (the same u as the forward), else 0.")
    double[] invertedBackward(double[] upstream, double[] u, double p);

    /** Classic dropout (Srivastava et al. 2014) in training: {@code y[i] = keep_i ? x[i] : 0}, no scaling. */
    @Clause(id = "classicTrainValue", value = "classicTrain(x, u, p)[i] = x[i] where kept, else 0 (no scaling).")
    double[] classicTrain(double[] x, double[] u, double p);

    /** Classic dropout at inference: every unit is kept and scaled, {@code y[i] = (1 - p) * x[i]}. */
    @Clause(id = "classicInferenceValue", value = "classicInference(x, p)[i] = (1 - p) * x[i].")
    double[] classicInference(double[] x, double p);

    /** Backward of {@link #classicTrain} with the SAME draws: {@code dx[i] = keep_i ? upstream[i] : 0}. */
    @Clause(id = "classicBackwardValue", value = "classicBackward(upstream, u, p)[i] = upstream[i] where kept (the same u as the forward), else 0.")
    double[] classicBackward(double[] upstream, double[] u, double p);
}
