package katagym.regularization;

import katagym.grader.spec.Clause;

/**
 * Early stopping on a validation loss with patience and min-delta, as Keras' {@code EarlyStopping}
 * and PyTorch Lightning's {@code EarlyStopping(mode="min")} do it. Kata {@code early-stopping}.
 *
 * <p>Epochs are <b>0-based</b> indices into {@code validationLosses} (at least one finite loss). The rule,
 * applied to epochs 0, 1, 2, ... in order, with {@code best = +Infinity} and {@code wait = 0} at the start:
 * <ul>
 *   <li>epoch e is an <i>improvement</i> iff {@code loss[e] < best - minDelta} (strictly; epoch 0 always is).
 *       Then {@code best = loss[e]}, {@code bestEpoch = e}, {@code wait = 0};</li>
 *   <li>otherwise {@code wait += 1}, and if {@code wait >= patience} training stops after epoch e:
 *       {@code stopEpoch = e} and no later loss is looked at.</li>
 * </ul>
 * If the rule never fires, training ran to the end of the list and {@code stopEpoch = -1}.
 * {@code patience >= 0} (0 stops at the first epoch without improvement; any int, {@code Integer.MAX_VALUE}
 * included) and {@code minDelta >= 0}; losses may be any finite numbers (negative, or above 1e9).
 */
@Clause(id = "improvement", value = "Epoch e improves iff loss[e] < best - minDelta, strictly (epoch 0 always does); best and bestEpoch move only on an improvement, never to a new minimum within minDelta of best.")
@Clause(id = "stop", value = "wait counts the epochs since the last improvement; training stops after the first epoch where wait >= patience, stopEpoch = that epoch, and later losses do not matter.")
@Clause(id = "neverStopped", value = "When the rule never fires, stopEpoch is -1.")
@Clause(id = "anyPatience", value = "patience may be any int >= 0, Integer.MAX_VALUE included (nothing may overflow).")
@Clause(id = "anyLoss", value = "Losses may be any finite numbers: negative ones, and ones above 1e9 (best starts at +Infinity).")
@Clause(id = "pure", value = "run never modifies the losses array.")
public interface EarlyStopping {
    /**
     * @param bestEpoch the epoch of the last improvement (whose weights {@code restore_best_weights} would restore)
     * @param stopEpoch the epoch after which training stopped, or -1 if it never stopped early
     */
    record Result(int bestEpoch, int stopEpoch) {}

    /** Applies the rule to the losses; must not modify the array. */
    Result run(double[] validationLosses, int patience, double minDelta);
}
