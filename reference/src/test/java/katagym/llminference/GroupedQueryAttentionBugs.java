package katagym.llminference;

/** Plausible learner bugs the grouped-query attention spec must catch. */
final class GroupedQueryAttentionBugs {
    private GroupedQueryAttentionBugs() {}

    /** Maps query head h to kv head h mod hkv (round robin) instead of h / group. */
    static final class KvHeadIsHModHkv extends GroupedQueryAttentionReference {
        @Override
        protected int kvHead(int h, int hq, int hkv) {
            return h % hkv;
        }
    }

    /** Scales by the width of all query heads together, sqrt(hq * dh), instead of one head's sqrt(dh). */
    static final class ScaledByAllHeadsWidth extends GroupedQueryAttentionReference {
        @Override
        protected double scale(int dh, int hq) {
            return 1 / Math.sqrt((double) dh * hq);
        }
    }

    /** The causal mask is shifted by one: query i also sees key i + 1. */
    static final class CausalMaskSeesTheNextToken extends GroupedQueryAttentionReference {
        @Override
        protected boolean allowed(int i, int j, boolean causal) {
            return !causal || j <= i + 1;
        }
    }
}
