package katagym.llminference;

import katagym.grader.spec.Clause;

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
@Clause(id = "pipeline", value = "probabilities divides the logits by temperature, keeps the top-k, takes a stable softmax over the kept tokens, then applies top-p and renormalises.")
@Clause(id = "topKTies", value = "Top-k keeps every token whose scaled logit is >= the k-th largest: tokens tied with the k-th are all kept.")
@Clause(id = "noTopK", value = "topK <= 0 (negative included) or topK >= n means no top-k filtering.")
@Clause(id = "topPBoundary", value = "Top-p keeps a token while the mass before it (by probability descending, ties by lower index) is < topP, so the crossing token stays; topP = 1 filters nothing.")
@Clause(id = "temperatureRange", value = "Any temperature > 0, however small or large, gives the softmax of logits / temperature (no cut-off to greedy); temperature 0 is greedy on the lowest index of the largest logit.")
@Clause(id = "stable", value = "probabilities is finite for logits up to ±1e3 and temperatures down to 0.01.")
@Clause(id = "newArray", value = "probabilities returns a new array of length n and does not modify logits; sample does not modify probabilities.")
@Clause(id = "sampleRule", value = "sample returns the first index whose left-to-right cumulative probability is > uniform, else the last index of positive probability.")
public interface Sampling {
    /**
     * @param logits n >= 1 finite logits
     * @param temperature {@code >= 0}
     * @param topK {@code <= 0} (negative included) or {@code >= n} for no top-k filtering
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
