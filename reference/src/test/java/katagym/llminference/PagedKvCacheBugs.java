package katagym.llminference;

import java.util.ArrayList;
import java.util.List;

/** Plausible learner bugs the paged-kv-cache spec must catch. */
final class PagedKvCacheBugs {
    private PagedKvCacheBugs() {}

    /** No copy-on-write: appends into a shared last block, so the sibling sequence sees the token. */
    static final class NoCopyOnWrite extends PagedKvCacheReference {
        @Override
        public Cache create(int numBlocks, int blockSize, int dim) {
            super.create(numBlocks, blockSize, dim);
            return new Pool(numBlocks, blockSize, dim) {
                @Override
                public void append(int seq, double[] k, double[] v) {
                    List<Integer> t = table(seq);
                    if (k.length != dim || v.length != dim) throw new IllegalArgumentException("width");
                    int len = lengths.get(seq), slot = len % blockSize;
                    if (slot == 0) {
                        int b = lowestFree();
                        if (b < 0) throw new IllegalStateException("out of blocks");
                        refs[b] = 1;
                        t.add(b);
                    }
                    int block = t.get(t.size() - 1);
                    keys[block][slot] = k.clone();
                    values[block][slot] = v.clone();
                    lengths.put(seq, len + 1);
                }
            };
        }
    }

    /** fork copies every block instead of sharing it: correct data, but memory for nothing. */
    static final class ForkCopiesEveryBlock extends PagedKvCacheReference {
        @Override
        public Cache create(int numBlocks, int blockSize, int dim) {
            super.create(numBlocks, blockSize, dim);
            return new Pool(numBlocks, blockSize, dim) {
                @Override
                public int fork(int seq) {
                    List<Integer> t = table(seq);
                    int id = nextId++;
                    List<Integer> copy = new ArrayList<>();
                    for (int b : t) {
                        int nb = lowestFree();
                        if (nb < 0) throw new IllegalStateException("out of blocks");
                        refs[nb] = 1;
                        for (int s = 0; s < blockSize; s++) {
                            keys[nb][s] = keys[b][s].clone();
                            values[nb][s] = values[b][s].clone();
                        }
                        copy.add(nb);
                    }
                    tables.put(id, copy);
                    lengths.put(id, lengths.get(seq));
                    return id;
                }
            };
        }
    }

    /** free returns every block of the sequence to the pool, even those another sequence still holds. */
    static final class FreeIgnoresRefCounts extends PagedKvCacheReference {
        @Override
        public Cache create(int numBlocks, int blockSize, int dim) {
            super.create(numBlocks, blockSize, dim);
            return new Pool(numBlocks, blockSize, dim) {
                @Override
                public void free(int seq) {
                    for (int b : table(seq)) refs[b] = 0;
                    tables.remove(seq);
                    lengths.remove(seq);
                }
            };
        }
    }

    /** fork shares the table but forgets to increment the counts. */
    static final class ForkForgetsRefCounts extends PagedKvCacheReference {
        @Override
        public Cache create(int numBlocks, int blockSize, int dim) {
            super.create(numBlocks, blockSize, dim);
            return new Pool(numBlocks, blockSize, dim) {
                @Override
                public int fork(int seq) {
                    List<Integer> t = table(seq);
                    int id = nextId++;
                    tables.put(id, new ArrayList<>(t));
                    lengths.put(id, lengths.get(seq));
                    return id;
                }
            };
        }
    }

    /** allocate takes the first block right away: an empty sequence wastes a whole block. */
    static final class AllocatesABlockEagerly extends PagedKvCacheReference {
        @Override
        public Cache create(int numBlocks, int blockSize, int dim) {
            super.create(numBlocks, blockSize, dim);
            return new Pool(numBlocks, blockSize, dim) {
                @Override
                public int allocate() {
                    int id = super.allocate();
                    int b = lowestFree();
                    if (b >= 0) {
                        refs[b] = 1;
                        tables.get(id).add(b);
                    }
                    return id;
                }

                @Override
                public void append(int seq, double[] k, double[] v) {
                    List<Integer> t = table(seq);
                    int len = lengths.get(seq);
                    if (len == 0 && t.size() == 1) { // the eager block: write slot 0 of it
                        if (k.length != dim || v.length != dim) throw new IllegalArgumentException("width");
                        keys[t.get(0)][0] = k.clone();
                        values[t.get(0)][0] = v.clone();
                        lengths.put(seq, 1);
                        return;
                    }
                    super.append(seq, k, v);
                }
            };
        }
    }

    /** Stores the caller's k and v arrays themselves (no copy). */
    static final class StoresTheCallersArrays extends PagedKvCacheReference {
        @Override
        public Cache create(int numBlocks, int blockSize, int dim) {
            super.create(numBlocks, blockSize, dim);
            return new Pool(numBlocks, blockSize, dim) {
                @Override
                public void append(int seq, double[] k, double[] v) {
                    super.append(seq, k, v);
                    List<Integer> t = table(seq);
                    int len = lengths.get(seq);
                    keys[t.get(t.size() - 1)][(len - 1) % blockSize] = k;
                    values[t.get(t.size() - 1)][(len - 1) % blockSize] = v;
                }
            };
        }
    }

    /** Runs out of blocks silently: drops the token instead of throwing. */
    static final class DropsTheTokenWhenOutOfBlocks extends PagedKvCacheReference {
        @Override
        public Cache create(int numBlocks, int blockSize, int dim) {
            super.create(numBlocks, blockSize, dim);
            return new Pool(numBlocks, blockSize, dim) {
                @Override
                public void append(int seq, double[] k, double[] v) {
                    try {
                        super.append(seq, k, v);
                    } catch (IllegalStateException full) {
                        // the token is lost
                    }
                }
            };
        }
    }

    /** Copy-on-write that takes the new block but keeps the old block's count (the shared block never frees). */
    static final class CopyOnWriteKeepsTheOldCount extends PagedKvCacheReference {
        @Override
        public Cache create(int numBlocks, int blockSize, int dim) {
            super.create(numBlocks, blockSize, dim);
            return new Pool(numBlocks, blockSize, dim) {
                @Override
                public void append(int seq, double[] k, double[] v) {
                    List<Integer> t = table(seq);
                    int len = lengths.get(seq);
                    int last = t.isEmpty() ? -1 : t.get(t.size() - 1);
                    boolean cow = len % blockSize != 0 && refs[last] > 1;
                    super.append(seq, k, v);
                    if (cow) refs[last]++;
                }
            };
        }
    }
}
