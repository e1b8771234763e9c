package katagym.distributed;

import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.that;

import java.util.function.Supplier;

/** The "outputs are new arrays" check both all-reduce specs share. */
final class AllReduceOutputs {
    private AllReduceOutputs() {}

    /**
     * Fails when an output row is an input row, when two ranks share one output array, or when a second
     * call returns the first call's arrays: every rank owns its own new vector.
     */
    static void ownedByEachRank(String call, Supplier<double[][]> outputs, double[][] inputs) {
        double[][] out = fresh(call, outputs, (Object) inputs);
        that(out != null, call + " returned no outputs");
        for (int r = 0; r < out.length; r++) {
            for (int s = r + 1; s < out.length; s++) {
                int a = r, b = s;
                that(out[a] != out[b], () -> call + ": outputs[" + a + "] and outputs[" + b + "] are the very same array; "
                        + "each rank must own its vector (a write by one rank would change the other)");
            }
        }
    }
}
