package katagym.peft;

import java.util.Set;

/** Plausible learner bugs the peft-parameter-count spec must catch. */
final class PeftParameterCountBugs {
    private PeftParameterCountBugs() {}

    /** BitFit that counts only the linear layers' biases and forgets the LayerNorm biases. */
    static final class BitFitWithoutLayerNormBiases extends PeftParameterCountReference {
        @Override
        public long bitFit(TransformerConfig c) {
            long d = c.dModel(), f = c.dFf();
            return c.layers() * (4 * d + f + d);
        }
    }

    /** Houlsby adapters counted without their biases: L * 2 * 2 d m. */
    static final class AdaptersWithoutBiases extends PeftParameterCountReference {
        @Override
        public long adapters(TransformerConfig c, int bottleneck) {
            return c.layers() * 2L * 2 * c.dModel() * bottleneck;
        }
    }

    /** Prefix tuning that trains only key prefixes, forgetting the value prefixes. */
    static final class PrefixKeysOnly extends PeftParameterCountReference {
        @Override
        public long prefixTuning(TransformerConfig c, int numVirtualTokens) {
            return (long) c.layers() * numVirtualTokens * c.dModel();
        }
    }

    /** LoRA counted once for the model instead of once per layer. */
    static final class LoraForOneLayerOnly extends PeftParameterCountReference {
        @Override
        public long lora(TransformerConfig c, int rank, Set<Projection> targets) {
            long total = 0;
            for (Projection p : targets) total += rank * inPlusOut(c, p);
            return total;
        }
    }

    /** Counts an untied output head (another V x d matrix). */
    static final class UntiedOutputHead extends PeftParameterCountReference {
        @Override
        public long fullFineTuning(TransformerConfig c) {
            return super.fullFineTuning(c) + (long) c.vocab() * c.dModel();
        }
    }

    /** Multiplies in int: exact for small models, wrapped around for GPT-3. */
    static final class IntArithmetic extends PeftParameterCountReference {
        @Override
        public long fullFineTuning(TransformerConfig c) {
            int d = c.dModel(), f = c.dFf(), layers = c.layers();
            int embeddings = c.vocab() * d + c.maxPositions() * d;
            int perLayer = 4 * (d * d + d) + d * f + f + f * d + d + 4 * d;
            return embeddings + layers * perLayer + 2 * d;
        }
    }

    /** Counts LoRA on a projection as r * in * out, the size of the full update. */
    static final class LoraRankTimesInTimesOut extends PeftParameterCountReference {
        @Override
        public long lora(TransformerConfig c, int rank, Set<Projection> targets) {
            long d = c.dModel(), f = c.dFf(), perLayer = 0;
            for (Projection p : targets) perLayer += rank * (p == Projection.FFN_UP || p == Projection.FFN_DOWN ? d * f : d * d);
            return c.layers() * perLayer;
        }
    }

    /** Prefix tuning multiplied in int: 2 L n d wraps around for GPT-3 with a few thousand virtual tokens. */
    static final class PrefixTuningInInt extends PeftParameterCountReference {
        @Override
        public long prefixTuning(TransformerConfig c, int numVirtualTokens) {
            return 2 * c.layers() * numVirtualTokens * c.dModel();
        }
    }

    /** Adapters multiplied in int: wraps around for GPT-3 with a bottleneck of 1024. */
    static final class AdaptersInInt extends PeftParameterCountReference {
        @Override
        public long adapters(TransformerConfig c, int bottleneck) {
            int d = c.dModel(), m = bottleneck;
            return c.layers() * 2 * (d * m + m + m * d + d);
        }
    }

    /** LoRA with the per-layer count in long but the rank product in int: r (in + out) wraps for huge ranks and widths. */
    static final class LoraInInt extends PeftParameterCountReference {
        @Override
        public long lora(TransformerConfig c, int rank, Set<Projection> targets) {
            int perLayer = 0;
            for (Projection p : targets) perLayer += rank * (int) inPlusOut(c, p);
            return (long) c.layers() * perLayer;
        }
    }
}
