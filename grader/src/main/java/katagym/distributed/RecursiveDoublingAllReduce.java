package katagym.distributed;

import java.util.List;
import katagym.grader.spec.Clause;

/**
 * Recursive-doubling all-reduce over {@code p} simulated ranks, p a power of two. Kata {@code recursive-doubling-all-reduce}.
 *
 * <p>{@code inputs[r]} is rank r's vector (all of length N). In round {@code k = 0 .. log2(p) - 1}
 * every rank r exchanges its whole current vector with its partner {@code r XOR 2^k}: it sends one
 * message of N elements to the partner, receives the partner's vector, and replaces its own by
 * {@code own + partner's} (the values from before the round). After log2 p rounds every rank holds
 * the elementwise sum. The log lists every message, ordered by round, then by sender rank.
 */
@Clause(id = "everyRankHoldsTheSum", value = "After log2 p rounds every rank holds the elementwise sum, all ranks the same bits.")
@Clause(id = "pairwiseExchange", value = "In round k rank r exchanges its whole vector with r XOR 2^k and adds the partner's vector from before the round.")
@Clause(id = "messageLog", value = "log2 p rounds, one message of N elements per rank per round, ordered by round then sender; p = 1 sends none.")
@Clause(id = "newOutputs", value = "Each rank's output is a new array of its own (not an input row, not shared with another rank, not reused between calls); inputs are not modified.")
@Clause(id = "rejectsNonPowerOfTwo", value = "allReduce throws IllegalArgumentException when p is not a power of two (3, 5, 6, 12, ...).")
public interface RecursiveDoublingAllReduce {

    /** One message: in {@code round}, rank {@code from} sends its {@code elements}-long vector to rank {@code to}. */
    record Message(int round, int from, int to, int elements) {}

    /** Every rank's final vector and the message log. */
    record Result(double[][] outputs, List<Message> log) {}

    /**
     * Runs the all-reduce. {@code inputs} ({@code [p][N]}) is not modified. Throws
     * {@link IllegalArgumentException} when p is not a power of two (p = 1 is 2^0: no rounds, no messages).
     */
    Result allReduce(double[][] inputs);
}
