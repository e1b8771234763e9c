package katagym.backprop;

import katagym.grader.spec.Clause;

/**
 * A two-layer perceptron with a ReLU and a mean cross-entropy loss, gradients by hand.
 * Kata {@code mlp-backprop}.
 *
 * <pre>
 *   z1     = x W1^T + b1          x[n][in], w1[hidden][in], b1[hidden]
 *   h      = relu(z1)             relu'(0) = 0, as in PyTorch
 *   logits = h W2^T + b2          w2[classes][hidden], b2[classes]
 *   loss   = (1/n) sum_r ( logsumexp(logits[r]) - logits[r][targets[r]] )
 * </pre>
 * The method must not modify its arguments.
 */
@Clause(id = "pure", value = "lossAndGradients modifies none of its arguments.")
public interface MlpBackprop {

    /** The loss and its gradients with respect to every parameter; each gradient has its parameter's shape. */
    record Result(double loss, double[][] dw1, double[] db1, double[][] dw2, double[] db2) {}

    /**
     * Forward pass to the mean cross-entropy loss, then backward to all four parameters.
     * {@code targets[r]} is the class index of row r, in {@code [0, classes)}. Must be finite for logits up to ±1e3.
     */
    @Clause(id = "lossValue", value = "loss = (1/n) sum_r (logsumexp(logits[r]) - logits[r][targets[r]]): the MEAN cross-entropy of the two-layer ReLU network.")
    @Clause(id = "gradients", value = "dw1, db1, dw2, db2 are the gradients of that mean loss, each with its parameter's shape.")
    @Clause(id = "reluKink", value = "relu'(0) = 0: a hidden unit with z1 = 0 passes no gradient.")
    @Clause(id = "stable", value = "Finite and accurate (loss within 1e-9 relative) for logits up to ±1e3, whatever their gaps.")
    Result lossAndGradients(double[][] x, int[] targets, double[][] w1, double[] b1, double[][] w2, double[] b2);
}
