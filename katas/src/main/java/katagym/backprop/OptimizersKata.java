package katagym.backprop;

import katagym.NotImplementedYet;

/**
 * Kata {@code optimizers}: one step of SGD with momentum, Adam and AdamW, PyTorch semantics.
 * Statement: katas/src/main/resources/statements/optimizers.md ({@code ./kata show optimizers}).
 */
public final class OptimizersKata implements Optimizers {

    /** Returns the state after one SGD step (see {@link Optimizers#sgdStep}); the first step sets buf = d. */
    @Override
    public SgdState sgdStep(SgdState state, double[] grad, Sgd hyper) {
        throw new NotImplementedYet("OptimizersKata.sgdStep");
    }

    /** Returns the state after one Adam step, bias-corrected, L2 weight decay added to the gradient. */
    @Override
    public AdamState adamStep(AdamState state, double[] grad, Adam hyper) {
        throw new NotImplementedYet("OptimizersKata.adamStep");
    }

    /** Returns the state after one AdamW step: p *= 1 - lr * weightDecay, then Adam with the raw gradient. */
    @Override
    public AdamState adamwStep(AdamState state, double[] grad, Adam hyper) {
        throw new NotImplementedYet("OptimizersKata.adamwStep");
    }
}
