package katagym.llminference;

import katagym.NotImplementedYet;

/**
 * Kata {@code paged-kv-cache}: a vLLM-style block table with reference counts and copy-on-write.
 * Statement: katas/src/main/resources/statements/paged-kv-cache.md ({@code ./kata show paged-kv-cache}).
 */
public final class PagedKvCacheKata implements PagedKvCache {

    /**
     * Returns a new empty cache of numBlocks blocks of blockSize slots of width dim (write a nested
     * class implementing Cache); throws IllegalArgumentException when an argument is < 1.
     */
    @Override
    public Cache create(int numBlocks, int blockSize, int dim) {
        throw new NotImplementedYet("PagedKvCacheKata.create");
    }
}
