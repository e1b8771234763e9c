package katagym.peft;

import java.util.Set;

public class PeftParameterCountReference implements PeftParameterCount {

    @Override
    public long fullFineTuning(TransformerConfig c) {
        long d = c.dModel(), f = c.dFf(), layers = c.layers();
        long embeddings = (long) c.vocab() * d + (long) c.maxPositions() * d;
        long attention = 4 * (d * d + d);
        long mlp = d * f + f + f * d + d;
        long layerNorms = 2 * (2 * d);
        return embeddings + layers * (attention + mlp + layerNorms) + 2 * d;
    }

    @Override
    public long bitFit(TransformerConfig c) {
        long d = c.dModel(), f = c.dFf();
        return c.layers() * (4 * d + f + d + 2 * d) + d;
    }

    @Override
    public long adapters(TransformerConfig c, int bottleneck) {
        long d = c.dModel(), m = bottleneck;
        return c.layers() * 2L * (d * m + m + m * d + d);
    }

    @Override
    public long prefixTuning(TransformerConfig c, int numVirtualTokens) {
        return 2L * c.layers() * numVirtualTokens * c.dModel();
    }

    @Override
    public long promptTuning(TransformerConfig c, int numVirtualTokens) {
        return (long) numVirtualTokens * c.dModel();
    }

    /** (in + out) of a projection. */
    static long inPlusOut(TransformerConfig c, Projection p) {
        long d = c.dModel(), f = c.dFf();
        return switch (p) {
            case QUERY, KEY, VALUE, OUTPUT -> 2 * d;
            case FFN_UP, FFN_DOWN -> d + f;
        };
    }

    @Override
    public long lora(TransformerConfig c, int rank, Set<Projection> targets) {
        long perLayer = 0;
        for (Projection p : targets) perLayer += rank * inPlusOut(c, p);
        return c.layers() * perLayer;
    }
}
