package katagym.distributed;

import java.util.List;
import katagym.grader.spec.Clause;

/**
 * Ring all-reduce (reduce-scatter then all-gather) over {@code p} simulated ranks. Kata {@code ring-all-reduce}.
 *
 * <p>{@code inputs[r]} is rank r's vector; all have the same length N. Each vector is cut into p
 * chunks as {@code numpy.array_split} does: with {@code q = N / p} and {@code e = N % p}, chunk
 * {@code c} has {@link #chunkSize} {@code q + (c < e ? 1 : 0)} elements starting at {@link #chunkStart}
 * {@code c*q + min(c, e)} (chunks may be empty when N < p). Rank r sends only to its right
 * neighbour {@code (r + 1) % p}. Steps are numbered from 0; in every step every rank sends one message:
 * <ul>
 *   <li>reduce-scatter, steps {@code s = 0 .. p-2}: rank r sends chunk {@code (r - s) mod p}; the
 *       receiver adds the received values to its own copy of that chunk. Afterwards rank r holds the
 *       complete sum of chunk {@code (r + 1) mod p}.</li>
 *   <li>all-gather, steps {@code s = p-1 .. 2p-3}: rank r sends chunk {@code (r + 1 - (s - (p - 1))) mod p};
 *       the receiver overwrites its copy of that chunk with the received values.</li>
 * </ul>
 * Messages of one step are simultaneous: each carries the sender's values from before that step.
 * The log lists every message, ordered by step, then by sender rank; a message's {@code elements}
 * is the size of the chunk it carries. With p = 1 there are no messages.
 */
@Clause(id = "everyRankHoldsTheSum", value = "Every rank ends with the elementwise sum of all inputs, all ranks holding the same bits.")
@Clause(id = "newOutputs", value = "Each rank's output is a new array of its own (not an input row, not shared with another rank, not reused between calls); inputs are not modified.")
@Clause(id = "chunkSchedule", value = "Reduce-scatter step s sends chunk (r - s) mod p and adds; all-gather step s sends chunk (r + 1 - (s - (p - 1))) mod p and overwrites; messages of a step are simultaneous.")
@Clause(id = "messageLog", value = "2(p - 1) steps with one message per rank per step, to (r + 1) % p, ordered by step then sender; empty chunks still send a message; p = 1 sends none.")
@Clause(id = "chunkSizes", value = "Chunks follow numpy.array_split: a message's elements is its chunk's size, so each rank sends 2(p - 1)/p N elements when p divides N.")
public interface RingAllReduce {

    /** One message: in {@code step}, rank {@code from} sends chunk {@code chunk} ({@code elements} values) to rank {@code to}. */
    record Message(int step, int from, int to, int chunk, int elements) {}

    /** Every rank's final vector ({@code outputs[r]}, length N) and the message log. */
    record Result(double[][] outputs, List<Message> log) {}

    /** Runs the ring all-reduce; {@code inputs} ({@code [p][N]}, p >= 1) is not modified. */
    Result allReduce(double[][] inputs);

    /** Number of elements of chunk {@code c} when N elements are split over p ranks. */
    static int chunkSize(int c, int n, int p) {
        return n / p + (c < n % p ? 1 : 0);
    }

    /** Index of the first element of chunk {@code c} when N elements are split over p ranks. */
    static int chunkStart(int c, int n, int p) {
        return c * (n / p) + Math.min(c, n % p);
    }
}
