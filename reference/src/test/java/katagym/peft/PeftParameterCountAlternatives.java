package katagym.peft;

import java.util.Set;

/** Correct parameter counts written differently from the reference. */
final class PeftParameterCountAlternatives {
    private PeftParameterCountAlternatives() {}

    /** Counts matrix by matrix with Math.multiplyExact on longs (which would throw rather than wrap). */
    static final class MatrixByMatrixWithExactArithmetic implements PeftParameterCount {
        private static long mul(long... xs) {
            long p = 1;
            for (long x : xs) p = Math.multiplyExact(p, x);
            return p;
        }

        @Override
        public long fullFineTuning(TransformerConfig c) {
            long d = c.dModel(), f = c.dFf();
            long perLayer = 0;
            for (int i = 0; i < 4; i++) perLayer += mul(d, d) + d; // Q, K, V, O
            perLayer += mul(d, f) + f;                            // up
            perLayer += mul(f, d) + d;                            // down
            perLayer += 2 * (d + d);                              // two LayerNorms
            return mul(c.vocab(), d) + mul(c.maxPositions(), d) + mul(c.layers(), perLayer) + (d + d);
        }

        @Override
        public long bitFit(TransformerConfig c) {
            long d = c.dModel();
            return mul(c.layers(), 4 * d + c.dFf() + d + 2 * d) + d;
        }

        @Override
        public long adapters(TransformerConfig c, int bottleneck) {
            long d = c.dModel(), m = bottleneck;
            long one = (mul(d, m) + m) + (mul(m, d) + d);
            return mul(c.layers(), 2, one);
        }

        @Override
        public long prefixTuning(TransformerConfig c, int numVirtualTokens) {
            return mul(c.layers(), numVirtualTokens, c.dModel(), 2);
        }

        @Override
        public long promptTuning(TransformerConfig c, int numVirtualTokens) {
            return mul(numVirtualTokens, c.dModel());
        }

        @Override
        public long lora(TransformerConfig c, int rank, Set<Projection> targets) {
            long total = 0;
            for (Projection p : targets) {
                long in = p == Projection.FFN_DOWN ? c.dFf() : c.dModel();
                long out = p == Projection.FFN_UP ? c.dFf() : c.dModel();
                total += mul(c.layers(), rank, in) + mul(c.layers(), rank, out);
            }
            return total;
        }
    }
}
