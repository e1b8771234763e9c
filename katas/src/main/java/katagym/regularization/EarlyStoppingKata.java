package katagym.regularization;

import katagym.NotImplementedYet;

/**
 * Kata {@code early-stopping}: best epoch and stop epoch from validation losses with patience and min-delta.
 * Statement: katas/src/main/resources/statements/early-stopping.md ({@code ./kata show early-stopping}).
 */
public final class EarlyStoppingKata implements EarlyStopping {

    /**
     * Walks the losses in order (0-based epochs): an improvement is {@code loss < best - minDelta}; after
     * {@code patience} epochs in a row without one, stop. Returns the last improvement's epoch and the
     * stop epoch, or -1 as the stop epoch if training never stops early.
     */
    @Override
    public Result run(double[] validationLosses, int patience, double minDelta) {
        throw new NotImplementedYet("EarlyStoppingKata.run");
    }
}
