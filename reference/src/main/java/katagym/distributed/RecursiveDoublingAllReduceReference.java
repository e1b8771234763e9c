package katagym.distributed;

import java.util.ArrayList;
import java.util.List;

public class RecursiveDoublingAllReduceReference implements RecursiveDoublingAllReduce {

    /** The rank r exchanges with in round k. */
    int partner(int r, int k, int p) { return r ^ (1 << k); }

    /** log2 p rounds. */
    int rounds(int p) { return Integer.numberOfTrailingZeros(p); }

    @Override
    public Result allReduce(double[][] inputs) {
        int p = inputs.length;
        if (p < 1 || Integer.bitCount(p) != 1) throw new IllegalArgumentException("p = " + p + " is not a power of two");
        int n = inputs[0].length;
        double[][] buf = new double[p][];
        for (int r = 0; r < p; r++) buf[r] = inputs[r].clone();
        List<Message> log = new ArrayList<>();
        for (int k = 0; k < rounds(p); k++) {
            double[][] before = new double[p][];
            for (int r = 0; r < p; r++) before[r] = buf[r].clone();
            for (int r = 0; r < p; r++) log.add(new Message(k, r, partner(r, k, p), n));
            for (int r = 0; r < p; r++) {
                // rank r receives from every rank whose message names it as the destination
                for (int q = 0; q < p; q++) {
                    if (partner(q, k, p) == r) combine(buf[r], before[q]);
                }
            }
        }
        return new Result(buf, log);
    }

    /** own += received. */
    void combine(double[] own, double[] received) {
        for (int j = 0; j < own.length; j++) own[j] += received[j];
    }
}
