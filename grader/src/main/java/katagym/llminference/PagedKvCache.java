package katagym.llminference;

import katagym.grader.spec.Clause;

/**
 * A paged KV cache (vLLM's PagedAttention memory manager): a pool of {@code numBlocks} physical
 * blocks of {@code blockSize} slots, each slot holding one token's key and value vectors of width
 * {@code dim}, and a block table per sequence. Kata {@code paged-kv-cache}.
 *
 * <p>{@link #create} returns an empty cache; the cache's methods mutate it.
 */
@Clause(id = "createRejects", value = "create throws IllegalArgumentException when numBlocks, blockSize or dim is < 1.")
@Clause(id = "gatherEqualsContiguous", value = "keys(seq) and values(seq) equal a contiguous cache: the vectors appended to seq (and, for a fork, to its "
        + "parent before the fork), in order, whatever the forks, appends and frees of other sequences.")
@Clause(id = "tableSize", value = "A sequence of length L holds exactly ceil(L / blockSize) blocks: at most blockSize - 1 wasted slots, none for L = 0.")
@Clause(id = "lowestFreeBlock", value = "A new block is always the free block with the lowest id; sequence ids are 0, 1, 2, ... in creation order.")
@Clause(id = "refCounts", value = "refCount(b) is the number of live sequences whose table holds b (0 for a free block); freeBlocks() is the number of blocks "
        + "with refCount 0.")
@Clause(id = "blockBudget", value = "allocate and fork take no block; append takes one block exactly when the sequence's length is a multiple of blockSize "
        + "or its last block is shared, else none; free returns the blocks whose count drops to 0.")
@Clause(id = "copies", value = "append copies k and v (a later change to the caller's arrays does not reach the cache); blockTable, keys and values return new arrays.")
@Clause(id = "cacheRejects", value = "Methods given an unknown or freed sequence id throw IllegalArgumentException; append throws IllegalArgumentException "
        + "when k or v does not have dim entries.")
@Clause(id = "outOfBlocks", value = "append throws IllegalStateException when it needs a block and none is free, and leaves the cache unchanged.")
public interface PagedKvCache {

    /** Returns a new, empty cache: every block free, no sequence. */
    Cache create(int numBlocks, int blockSize, int dim);

    /** One cache. Physical blocks are numbered 0 .. numBlocks - 1; sequences get ids 0, 1, 2, ... in order of creation, never reused. */
    interface Cache {
        /** Creates an empty sequence (no block) and returns its id. */
        int allocate();

        /**
         * Appends one token's key and value (copied) to sequence seq. If the sequence has no block or
         * its last block is full, it first takes a new block. If its last block is shared with another
         * sequence (refCount > 1) and not full, it first copies that block to a new block (the
         * copy-on-write), gives up its share of the old one, and writes into the copy.
         *
         * @throws IllegalStateException when a block is needed and none is free (nothing changes)
         */
        void append(int seq, double[] k, double[] v);

        /** Creates a sequence sharing all of seq's blocks (each block's count + 1) and returns its id. */
        int fork(int seq);

        /** Deletes seq: each of its blocks' counts - 1; a block whose count drops to 0 is free again. */
        void free(int seq);

        /** The physical block ids of seq, in order (a new array). */
        int[] blockTable(int seq);

        /** The number of tokens of seq. */
        int length(int seq);

        /** seq's keys, {@code [length][dim]}, gathered from its blocks (a new array). */
        double[][] keys(int seq);

        /** seq's values, {@code [length][dim]}, gathered from its blocks (a new array). */
        double[][] values(int seq);

        /** The number of live sequences whose block table holds block b (0 for a free block). */
        int refCount(int block);

        /** The number of free blocks. */
        int freeBlocks();
    }
}
