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

    /** With one rank there is nothing to send, so it returns the caller's arrays as the outputs (aliasing the input). */
    static final class ReturnsTheInputsForOneRank extends RingAllReduceReference {
        @Override
        public Result allReduce(double[][] inputs) {
            if (inputs.length == 1) return new Result(inputs, new ArrayList<>());
            return super.allReduce(inputs);
        }
    }

    /** Every rank ends with the same values, so it hands every rank one shared array: writing rank 0's output changes all. */
    static final class OutputsShareOneArray extends RingAllReduceReference {
        @Override
        public Result allReduce(double[][] inputs) {
            Result r = super.allReduce(inputs);
            double[][] out = new double[inputs.length][];
            java.util.Arrays.fill(out, r.outputs()[0]);
            return new Result(out, r.log());
        }
    }

    /** Sends no message for an empty chunk (N < p), so the log is short of one message per rank per step. */
    static final class SkipsEmptyChunks extends RingAllReduceReference {
        @Override
        public Result allReduce(double[][] inputs) {
            Result r = super.allReduce(inputs);
            List<Message> log = new ArrayList<>();
            for (Message m : r.log()) if (m.elements() > 0) log.add(m);
            return new Result(r.outputs(), log);
        }
    }

    /** Cuts chunks as torch.chunk does (ceil(N / p) each, the last shorter) instead of numpy.array_split. */
    static final class CeilSizedChunks extends RingAllReduceReference {
        @Override
        public Result allReduce(double[][] inputs) {
            Result r = super.allReduce(inputs);
            int p = inputs.length, n = inputs[0].length, c = (n + p - 1) / p;
            List<Message> log = new ArrayList<>();
            for (Message m : r.log()) log.add(new Message(m.step(), m.from(), m.to(), m.chunk(), Math.max(0, Math.min(c, n - m.chunk() * c))));
            return new Result(r.outputs(), log);
        }
    }
}
