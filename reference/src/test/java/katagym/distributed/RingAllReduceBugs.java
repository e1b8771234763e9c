package katagym.distributed;

import java.util.ArrayList;
import java.util.List;

/** Plausible learner bugs the ring-all-reduce spec must catch. */
final class RingAllReduceBugs {
    private RingAllReduceBugs() {}

    /** Stops after the reduce-scatter: each rank holds only one fully summed chunk. */
    static final class ForgetsAllGather extends RingAllReduceReference {
        @Override
        public Result allReduce(double[][] inputs) {
            int p = inputs.length;
            double[][] buf = new double[p][];
            for (int r = 0; r < p; r++) buf[r] = inputs[r].clone();
            List<Message> log = new ArrayList<>();
            for (int s = 0; s < p - 1; s++) {
                int ss = s;
                exchange(buf, s, log, true, r -> reduceScatterChunk(r, ss, p));
            }
            return new Result(buf, log);
        }
    }

    /** Sends the whole vector in every message instead of one chunk (p times the traffic). */
    static final class SendsWholeVectors extends RingAllReduceReference {
        @Override
        public Result allReduce(double[][] inputs) {
            Result r = super.allReduce(inputs);
            List<Message> log = new ArrayList<>();
            for (Message m : r.log()) log.add(new Message(m.step(), m.from(), m.to(), m.chunk(), inputs[0].length));
            return new Result(r.outputs(), log);
        }
    }

    /** Walks the chunks the wrong way in the reduce-scatter: chunk (r + s) mod p, so partial sums are added twice or lost. */
    static final class ReduceScatterChunkIndexWrong extends RingAllReduceReference {
        @Override
        int reduceScatterChunk(int r, int s, int p) { return mod(r + s, p); }
    }

    /** Accumulates into the callers' input arrays instead of copies. */
    static final class SumsIntoTheInputs extends RingAllReduceReference {
        @Override
        public Result allReduce(double[][] inputs) {
            Result r = super.allReduce(inputs);
            for (int k = 0; k < inputs.length; k++) System.arraycopy(r.outputs()[k], 0, inputs[k], 0, inputs[k].length);
            return new Result(inputs, r.log());
        }
    }
}
