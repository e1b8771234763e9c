package katagym.peft;

import katagym.grader.spec.Clause;

import java.util.Set;

/**
 * Trainable parameters of full fine-tuning and of five parameter-efficient methods, for a GPT-2-style
 * decoder-only transformer. Kata {@code peft-parameter-count}.
 *
 * <p>The model, with {@code L = layers}, {@code d = dModel}, {@code f = dFf}, {@code V = vocab},
 * {@code P = maxPositions}:
 * <ul>
 *   <li>token embedding {@code V x d} and learned position embedding {@code P x d} (no biases);</li>
 *   <li>per layer: attention projections Q, K, V, O, each a {@code d x d} weight plus a {@code d} bias;
 *       the MLP, {@code d -> f} (weight {@code d f}, bias {@code f}) and {@code f -> d} (weight
 *       {@code f d}, bias {@code d}); two LayerNorms, each a gain {@code d} and a bias {@code d};</li>
 *   <li>a final LayerNorm (gain {@code d}, bias {@code d});</li>
 *   <li>the output head is tied to the token embedding: no parameters of its own.</li>
 * </ul>
 * The number of heads does not change any count (Q, K, V are {@code d x d} however they are split).
 * All counts are {@code long}: GPT-3-sized models exceed {@code Integer.MAX_VALUE}.
 */
@Clause(id = "exactLong", value = "Every count is exact as a long, also where it or an intermediate product exceeds Integer.MAX_VALUE (GPT-3 sizes, large m, n, r).")
@Clause(id = "headsIrrelevant", value = "The number of heads changes no count.")
public interface PeftParameterCount {

    /** A model configuration; {@code dModel} is divisible by {@code heads}. */
    record TransformerConfig(int layers, int dModel, int dFf, int vocab, int maxPositions, int heads) {}

    /** The weight matrices LoRA can adapt, with their (in, out): Q, K, V, O are (d, d); FFN_UP (d, f); FFN_DOWN (f, d). */
    enum Projection { QUERY, KEY, VALUE, OUTPUT, FFN_UP, FFN_DOWN }

    /**
     * Every parameter: {@code V d + P d + L (4 d^2 + 4 d + 2 d f + f + d + 4 d) + 2 d}.
     */
    @Clause(id = "fullValue", value = "fullFineTuning = V d + P d + L (4 d^2 + 4 d + 2 d f + f + d + 4 d) + 2 d (tied output head).")
    long fullFineTuning(TransformerConfig c);

    /**
     * BitFit: every bias vector, LayerNorm biases included (not the LayerNorm gains):
     * per layer 4 attention biases ({@code 4 d}), the MLP biases ({@code f + d}) and two LayerNorm biases
     * ({@code 2 d}), plus the final LayerNorm's bias: {@code L (7 d + f) + d}.
     */
    @Clause(id = "bitFitValue", value = "bitFit = L (7 d + f) + d: every bias, LayerNorm biases included, no gains.")
    long bitFit(TransformerConfig c);

    /**
     * Houlsby adapters with bottleneck {@code m}: two adapters per layer (after attention and after the
     * MLP), each a down-projection {@code d -> m} with bias and an up-projection {@code m -> d} with bias:
     * {@code L * 2 * (2 d m + m + d)}. Nothing else is trained.
     */
    @Clause(id = "adaptersValue", value = "adapters = L * 2 * (2 d m + m + d): two Houlsby adapters per layer, biases included.")
    long adapters(TransformerConfig c, int bottleneck);

    /**
     * Prefix tuning with {@code n} virtual tokens: a trained key vector and value vector of width
     * {@code d} per virtual token in every layer: {@code 2 L n d} (the reparametrisation MLP used during
     * training is discarded and not counted).
     */
    @Clause(id = "prefixValue", value = "prefixTuning = 2 L n d: a key and a value vector per virtual token in every layer.")
    long prefixTuning(TransformerConfig c, int numVirtualTokens);

    /** Prompt tuning with {@code n} virtual tokens: their input embeddings only, {@code n d}. */
    @Clause(id = "promptValue", value = "promptTuning = n d, whatever the depth.")
    long promptTuning(TransformerConfig c, int numVirtualTokens);

    /**
     * LoRA of rank {@code r} on the given projections of every layer: {@code L * sum over targets of r (in + out)}
     * (no biases; no target gives 0).
     */
    @Clause(id = "loraValue", value = "lora = L * sum over targets of r (in + out); no target gives 0.")
    long lora(TransformerConfig c, int rank, Set<Projection> targets);
}
