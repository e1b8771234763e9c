package katagym.distributed;

import java.util.ArrayList;
import java.util.List;

/** Correct ring all-reduce solutions unlike the reference. */
final class RingAllReduceAlternatives {
    private RingAllReduceAlternatives() {}

    /**
     * Applies each message as soon as it is logged, without a snapshot of the step: within one step rank
     * r + 1 receives chunk c and sends a different chunk, so no message reads a value changed in its step.
     */
    static final class AppliesEachMessageAtOnce implements RingAllReduce {
        @Override
        public Result allReduce(double[][] inputs) {
            int p = inputs.length, n = inputs[0].length;
            double[][] buf = new double[p][];
            for (int r = 0; r < p; r++) buf[r] = inputs[r].clone();
            List<Message> log = new ArrayList<>();
            for (int step = 0; step < 2 * (p - 1); step++) {
                boolean add = step < p - 1;
                for (int r = 0; r < p; r++) {
                    int c = Math.floorMod(add ? r - step : r + 1 - (step - (p - 1)), p);
                    int start = RingAllReduce.chunkStart(c, n, p), size = RingAllReduce.chunkSize(c, n, p);
                    double[] to = buf[(r + 1) % p];
                    for (int j = start; j < start + size; j++) to[j] = add ? to[j] + buf[r][j] : buf[r][j];
                    log.add(new Message(step, r, (r + 1) % p, c, size));
                }
            }
            return new Result(buf, log);
        }
    }
}
