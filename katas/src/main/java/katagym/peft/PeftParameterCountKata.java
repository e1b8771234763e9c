package katagym.peft;

import java.util.Set;
import katagym.NotImplementedYet;

/**
 * Kata {@code peft-parameter-count}: trainable parameters of full fine-tuning, BitFit, adapters,
 * prefix tuning, prompt tuning and LoRA for a GPT-2-style transformer (the model is described in
 * {@link PeftParameterCount}). Statement: katas/src/main/resources/statements/peft-parameter-count.md
 * ({@code ./kata show peft-parameter-count}). Compute in {@code long}.
 */
public final class PeftParameterCountKata implements PeftParameterCount {

    /** Returns {@code V d + P d + L (4 d^2 + 4 d + 2 d f + f + d + 4 d) + 2 d}. */
    @Override
    public long fullFineTuning(TransformerConfig c) {
        throw new NotImplementedYet("PeftParameterCountKata.fullFineTuning");
    }

    /** Returns the number of bias parameters, LayerNorm biases included: {@code L (7 d + f) + d}. */
    @Override
    public long bitFit(TransformerConfig c) {
        throw new NotImplementedYet("PeftParameterCountKata.bitFit");
    }

    /** Returns {@code L * 2 * (2 d m + m + d)}: two Houlsby adapters per layer, with biases. */
    @Override
    public long adapters(TransformerConfig c, int bottleneck) {
        throw new NotImplementedYet("PeftParameterCountKata.adapters");
    }

    /** Returns {@code 2 L n d}: a key and a value prefix vector per virtual token per layer. */
    @Override
    public long prefixTuning(TransformerConfig c, int numVirtualTokens) {
        throw new NotImplementedYet("PeftParameterCountKata.prefixTuning");
    }

    /** Returns {@code n d}: the virtual tokens' input embeddings. */
    @Override
    public long promptTuning(TransformerConfig c, int numVirtualTokens) {
        throw new NotImplementedYet("PeftParameterCountKata.promptTuning");
    }

    /** Returns {@code L * sum over targets of r (in + out)}: Q, K, V, O are d -> d, FFN_UP d -> f, FFN_DOWN f -> d. */
    @Override
    public long lora(TransformerConfig c, int rank, Set<Projection> targets) {
        throw new NotImplementedYet("PeftParameterCountKata.lora");
    }
}
