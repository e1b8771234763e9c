package katagym.llminference;

import katagym.NotImplementedYet;

/**
 * Kata {@code flash-attention}: attention over key/value blocks with an online softmax.
 * Statement: katas/src/main/resources/statements/flash-attention.md ({@code ./kata show flash-attention}).
 */
public final class FlashAttentionKata implements FlashAttention {

    /**
     * Returns the state after also seeing this block: new max {@code m' = max(max, block scores)},
     * old sum and acc multiplied by {@code exp(max - m')}, plus {@code exp(s_j - m')} and
     * {@code exp(s_j - m') v_j} for each key of the block. Do not modify {@code state}.
     */
    @Override
    public State update(State state, double[] q, double[][] kBlock, double[][] vBlock) {
        throw new NotImplementedYet("FlashAttentionKata.update");
    }

    /** Returns {@code acc / sum}. */
    @Override
    public double[] finish(State state) {
        throw new NotImplementedYet("FlashAttentionKata.finish");
    }

    /**
     * For each query: start from {@code State.empty(dv)}, call update on blocks of blockSize keys
     * (causal: only keys 0..i), then finish.
     */
    @Override
    public double[][] forward(double[][] q, double[][] k, double[][] v, int blockSize, boolean causal) {
        throw new NotImplementedYet("FlashAttentionKata.forward");
    }
}
