package katagym.evaluation;

import katagym.NotImplementedYet;

/**
 * Kata {@code expected-calibration-error}.
 * Statement: katas/src/main/resources/statements/expected-calibration-error.md ({@code ./kata show expected-calibration-error}).
 */
public final class ExpectedCalibrationErrorKata implements ExpectedCalibrationError {

    /**
     * Binned ECE: bin of c = min((int) Math.floor(c * bins), bins - 1); sum over non-empty bins of
     * (n_b / N) |accuracy_b - mean confidence_b|. Throw IllegalArgumentException for no samples,
     * different lengths, bins < 1, or a confidence outside [0, 1].
     */
    @Override
    public double ece(double[] confidences, boolean[] correct, int bins) {
        throw new NotImplementedYet("ExpectedCalibrationErrorKata.ece");
    }

    /**
     * Mean cross-entropy of softmax(logits / T) against the labels, with a stable logsumexp. Throw
     * IllegalArgumentException for T <= 0, no samples, or a label outside [0, C).
     */
    @Override
    public double nll(double[][] logits, int[] labels, double temperature) {
        throw new NotImplementedYet("ExpectedCalibrationErrorKata.nll");
    }

    /**
     * The T in [MIN_T, MAX_T] = [0.05, 20] minimising nll(logits, labels, T), within 1e-6 relative.
     * Throw IllegalArgumentException for no samples or a label outside [0, C).
     */
    @Override
    public double fitTemperature(double[][] logits, int[] labels) {
        throw new NotImplementedYet("ExpectedCalibrationErrorKata.fitTemperature");
    }
}
