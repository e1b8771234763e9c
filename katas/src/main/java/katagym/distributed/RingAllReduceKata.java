package katagym.distributed;

import katagym.NotImplementedYet;

/**
 * Kata {@code ring-all-reduce}: reduce-scatter then all-gather around a ring of simulated ranks.
 * Statement: katas/src/main/resources/statements/ring-all-reduce.md ({@code ./kata show ring-all-reduce}).
 * Chunk boundaries are given by {@link RingAllReduce#chunkStart} and {@link RingAllReduce#chunkSize}.
 */
public final class RingAllReduceKata implements RingAllReduce {

    /**
     * Returns every rank's summed vector and the log of messages (ordered by step, then sender): in
     * reduce-scatter step s (0..p-2) rank r sends chunk (r - s) mod p to (r + 1) % p, which adds it;
     * in all-gather step p-1+k (k = 0..p-2) rank r sends chunk (r + 1 - k) mod p, which the receiver
     * copies. Each message carries the sender's values from before the step. Must not modify {@code inputs}.
     */
    @Override
    public Result allReduce(double[][] inputs) {
        throw new NotImplementedYet("RingAllReduceKata.allReduce");
    }
}
