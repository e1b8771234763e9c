package katagym.losses;

import katagym.grader.spec.Clause;

/**
 * Multi-class cross-entropy from logits with label smoothing and mean reduction: PyTorch's
 * {@code CrossEntropyLoss(label_smoothing = eps)} on class indices. Kata {@code cross-entropy}.
 */
@Clause(id = "pure", value = "Neither method modifies its arguments.")
@Clause(id = "smoothing", value = "The smoothed target is q[c] = (1 - eps) * [c == target] + eps / C: eps / C goes to every class, the target included (C, not C - 1), for any eps in [0, 1].")
public interface CrossEntropy {
    /**
     * The loss for {@code logits[N][C]} ({@code N >= 1} rows, {@code C >= 2} classes) and class
     * indices {@code targets[N]} in {@code [0, C)}, with {@code labelSmoothing = eps} in [0, 1]:
     * each row's target distribution is {@code q[c] = (1 - eps) * [c == target] + eps / C} (PyTorch's
     * convention: the eps/C share also goes to the target class), the row loss is
     * {@code -sum_c q[c] * log_softmax(logits[i])[c]}, and the result is the mean over the N rows.
     * Finite and accurate for any finite logits, |x| = 1e3 included. Must not modify its arguments.
     */
    @Clause(id = "lossValue", value = "loss = (1/N) * sum_i -sum_c q[c] * log_softmax(logits[i])[c]: the mean over the N rows.")
    @Clause(id = "lossStable", value = "loss is finite and accurate for any finite logits, |x| = 1e3 and rows spanning -1e3 to 1e3 included.")
    double loss(double[][] logits, int[] targets, double labelSmoothing);

    /**
     * The gradient of {@link #loss} with respect to the logits, as a new {@code [N][C]} array:
     * {@code (softmax(logits[i])[c] - q[c]) / N}. Finite for any finite logits.
     */
    @Clause(id = "gradientValue", value = "gradient[i][c] = (softmax(logits[i])[c] - q[c]) / N.")
    @Clause(id = "gradientStable", value = "gradient is finite for any finite logits, |x| = 1e3 included.")
    @Clause(id = "gradientNewArray", value = "gradient returns a new [N][C] array: no row is an argument's, and no array is reused between calls.")
    double[][] gradient(double[][] logits, int[] targets, double labelSmoothing);
}
