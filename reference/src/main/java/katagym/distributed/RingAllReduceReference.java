package katagym.distributed;

import java.util.ArrayList;
import java.util.List;

public class RingAllReduceReference implements RingAllReduce {

    static int mod(int a, int p) { return ((a % p) + p) % p; }

    /** The chunk rank r sends in reduce-scatter step s. */
    int reduceScatterChunk(int r, int s, int p) { return mod(r - s, p); }

    /** The chunk rank r sends in the k-th all-gather step (k = 0 .. p-2). */
    int allGatherChunk(int r, int k, int p) { return mod(r + 1 - k, p); }

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
        for (int k = 0; k < p - 1; k++) {
            int kk = k;
            exchange(buf, p - 1 + k, log, false, r -> allGatherChunk(r, kk, p));
        }
        return new Result(buf, log);
    }

    /** One step: every rank sends chunk chunkOf(r) to its right neighbour, who adds it or overwrites with it. */
    static void exchange(double[][] buf, int step, List<Message> log, boolean add, java.util.function.IntUnaryOperator chunkOf) {
        int p = buf.length, n = buf[0].length;
        double[][] sent = new double[p][];
        int[] chunks = new int[p];
        for (int r = 0; r < p; r++) {
            int c = chunkOf.applyAsInt(r);
            int start = RingAllReduce.chunkStart(c, n, p), size = RingAllReduce.chunkSize(c, n, p);
            chunks[r] = c;
            sent[r] = java.util.Arrays.copyOfRange(buf[r], start, start + size);
            log.add(new Message(step, r, (r + 1) % p, c, size));
        }
        for (int r = 0; r < p; r++) {
            double[] to = buf[(r + 1) % p];
            int start = RingAllReduce.chunkStart(chunks[r], n, p);
            for (int j = 0; j < sent[r].length; j++) to[start + j] = add ? to[start + j] + sent[r][j] : sent[r][j];
        }
    }
}
