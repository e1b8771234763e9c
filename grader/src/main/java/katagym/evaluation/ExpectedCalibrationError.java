package katagym.evaluation;

import katagym.grader.spec.Clause;

/**
 * Kata {@code expected-calibration-error}: binned expected calibration error and temperature scaling
 * (Guo et al. 2017, "On Calibration of Modern Neural Networks").
 *
 * <p>No method modifies its arguments.
 */
@Clause(id = "noModify", value = "No method modifies its arguments.")
public interface ExpectedCalibrationError {

    /**
     * ECE with M = {@code bins} equal-width bins over [0, 1]: sample i (confidence c_i in [0, 1], the
     * predicted class correct or not) goes to bin {@code min((int) Math.floor(c_i * M), M - 1)}, so bins
     * are [b/M, (b+1)/M), closed on the left, and the last bin also holds 1.0. Then
     * {@code ECE = sum over non-empty bins of (n_b / N) * |acc_b - conf_b|}, acc_b the fraction correct
     * and conf_b the mean confidence in bin b. Throws {@link IllegalArgumentException} when N = 0, the
     * lengths differ, bins < 1, or a confidence lies outside [0, 1] (NaN included).
     */
    @Clause(id = "eceValue", value = "ece = sum over non-empty bins b of (n_b / N) |acc_b - conf_b|, acc_b the fraction correct and conf_b the mean confidence of the samples in bin b.")
    @Clause(id = "eceBins", value = "Sample i goes to bin min((int) Math.floor(c_i * M), M - 1): bins [b/M, (b+1)/M) closed on the left, 0.0 in bin 0, an edge b/M in bin b, 1.0 in the last bin.")
    @Clause(id = "eceRejects", value = "ece throws IllegalArgumentException when there are no samples, the lengths differ, bins < 1, or a confidence lies outside [0, 1] or is NaN.")
    double ece(double[] confidences, boolean[] correct, int bins);

    /**
     * The mean negative log-likelihood of the labels under softmax(logits[i] / T):
     * {@code (1/N) sum_i [logsumexp(z_i / T) - z_i[y_i] / T]}, finite and accurate for |z / T| up to 1e5.
     * Throws {@link IllegalArgumentException} when T <= 0, N = 0, or a label is outside [0, C).
     */
    @Clause(id = "nllValue", value = "nll = (1/N) sum_i [logsumexp(logits[i] / T) - logits[i][labels[i]] / T], the mean cross-entropy of softmax(logits / T).")
    @Clause(id = "nllStable", value = "nll is finite and accurate (1e-9 relative) for |logits / T| up to 1e5 (a stable logsumexp).")
    @Clause(id = "nllRejects", value = "nll throws IllegalArgumentException when T <= 0, there are no samples, or a label lies outside [0, C).")
    double nll(double[][] logits, int[] labels, double temperature);

    /**
     * Temperature scaling: the T in [0.05, 20] that minimises {@code nll(logits, labels, T)} over that
     * interval, within 1e-6 relative of the exact minimiser (the interval's end when the minimum lies
     * beyond it; any T when the NLL does not depend on T). The NLL is convex in 1/T, so the minimiser
     * is unique. Throws {@link IllegalArgumentException} when N = 0 or a label is outside [0, C).
     */
    @Clause(id = "fitMinimises", value = "fitTemperature returns T in [0.05, 20] within 1e-6 relative of the minimiser of nll(logits, labels, T) over [0.05, 20] (an end of the interval when the minimum lies beyond it).")
    @Clause(id = "fitRejects", value = "fitTemperature throws IllegalArgumentException when there are no samples or a label lies outside [0, C).")
    double fitTemperature(double[][] logits, int[] labels);

    /** The smallest temperature fitTemperature may return. */
    double MIN_T = 0.05;
    /** The largest temperature fitTemperature may return. */
    double MAX_T = 20;
}
