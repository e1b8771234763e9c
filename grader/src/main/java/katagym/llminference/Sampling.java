package katagym.llminference;

/**
 * Next-token sampling with temperature, top-k and top-p (nucleus) filtering, from a given uniform
 * draw: no randomness inside. Kata {@code sampling}.
 *
 * <p>{@link #probabilities}, for {@code temperature > 0}:
 * <ol>
 *   <li>divide every logit by {@code temperature};</li>
 *   <li>if {@code 0 < topK < n}: keep the tokens whose scaled logit is {@code >=} the k-th largest one
 *       (ties with the k-th are all kept); the others get probability 0;</li>
 *   <li>softmax over the kept tokens (stable: subtract their maximum);</li>
 *   <li>if {@code topP < 1}: sort the tokens by probability, descending, ties by lower index first;
 *       keep a token when the probability mass of the tokens before it in that order is {@code < topP}
 *       (so the token that crosses {@code topP} is kept), set the rest to 0 and renormalise.</li>
 * </ol>
 * {@code temperature == 0} means greedy: probability 1 on the lowest index holding the largest logit.
 */
public interface Sampling {
    /**
     * @param logits n >= 1 finite logits
     * @param temperature {@code >= 0}
     * @param topK {@code <= 0} (or {@code >= n}) for no top-k filtering
     * @param topP in {@code (0, 1]}; 1 for no top-p filtering
     * @return a new probability vector of length n. Must not modify {@code logits}.
     */
    double[] probabilities(double[] logits, double temperature, int topK, double topP);

    /**
     * Inverse-CDF sampling: the first index i whose cumulative probability
     * {@code probabilities[0] + ... + probabilities[i]} (summed left to right) is {@code > uniform};
     * if rounding leaves none, the last index of positive probability.
     *
     * @param uniform in {@code [0, 1)}
     */
    int sample(double[] probabilities, double uniform);
}
