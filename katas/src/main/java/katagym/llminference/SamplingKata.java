package katagym.llminference;

import katagym.NotImplementedYet;

/**
 * Kata {@code sampling}: temperature, top-k and top-p filtering, and inverse-CDF sampling from a given uniform.
 * Statement: katas/src/main/resources/statements/sampling.md ({@code ./kata show sampling}).
 */
public final class SamplingKata implements Sampling {

    /**
     * Returns the filtered next-token distribution: logits / temperature; top-k (ties with the k-th
     * kept); stable softmax over the kept tokens; top-p (keep a token while the mass before it, in
     * descending probability order, is {@code < topP}) and renormalise. Temperature 0 is greedy.
     * Must not modify {@code logits}.
     */
    @Override
    public double[] probabilities(double[] logits, double temperature, int topK, double topP) {
        throw new NotImplementedYet("SamplingKata.probabilities");
    }

    /** Returns the first index whose cumulative probability exceeds {@code uniform}. */
    @Override
    public int sample(double[] probabilities, double uniform) {
        throw new NotImplementedYet("SamplingKata.sample");
    }
}
