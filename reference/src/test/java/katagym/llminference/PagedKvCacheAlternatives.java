package katagym.llminference;

import java.util.Arrays;
import java.util.TreeMap;
import java.util.TreeSet;

/** Correct solutions unlike the reference. */
final class PagedKvCacheAlternatives {
    private PagedKvCacheAlternatives() {}

    /**
     * A sorted set of free block ids (first() is the lowest), one flat array per store indexed by
     * (block * blockSize + slot) * dim, and block tables grown as int arrays.
     */
    static final class FlatPool implements PagedKvCache {
        @Override
        public Cache create(int numBlocks, int blockSize, int dim) {
            if (Math.min(numBlocks, Math.min(blockSize, dim)) <= 0) throw new IllegalArgumentException("sizes must be positive");
            return new Cache() {
                final double[] k = new double[numBlocks * blockSize * dim], v = new double[numBlocks * blockSize * dim];
                final int[] refs = new int[numBlocks];
                final TreeSet<Integer> free = new TreeSet<>();
                final TreeMap<Integer, int[]> tables = new TreeMap<>();
                final TreeMap<Integer, Integer> lens = new TreeMap<>();
                int next;

                {
                    for (int b = 0; b < numBlocks; b++) free.add(b);
                }

                int[] t(int seq) {
                    int[] t = tables.get(seq);
                    if (t == null) throw new IllegalArgumentException("no sequence " + seq);
                    return t;
                }

                @Override
                public int allocate() {
                    tables.put(next, new int[0]);
                    lens.put(next, 0);
                    return next++;
                }

                @Override
                public void append(int seq, double[] kk, double[] vv) {
                    int[] t = t(seq);
                    if (kk.length != dim || vv.length != dim) throw new IllegalArgumentException("width");
                    int len = lens.get(seq), slot = len % blockSize;
                    if (slot == 0 || refs[t[t.length - 1]] > 1) {
                        if (free.isEmpty()) throw new IllegalStateException("no free block");
                        int b = free.pollFirst();
                        refs[b] = 1;
                        if (slot == 0) {
                            t = Arrays.copyOf(t, t.length + 1);
                        } else {
                            int old = t[t.length - 1];
                            System.arraycopy(k, old * blockSize * dim, k, b * blockSize * dim, slot * dim);
                            System.arraycopy(v, old * blockSize * dim, v, b * blockSize * dim, slot * dim);
                            refs[old]--;
                            t = t.clone();
                        }
                        t[t.length - 1] = b;
                        tables.put(seq, t);
                    }
                    int at = (t[t.length - 1] * blockSize + slot) * dim;
                    System.arraycopy(kk, 0, k, at, dim);
                    System.arraycopy(vv, 0, v, at, dim);
                    lens.put(seq, len + 1);
                }

                @Override
                public int fork(int seq) {
                    int[] t = t(seq);
                    for (int b : t) refs[b]++;
                    tables.put(next, t.clone());
                    lens.put(next, lens.get(seq));
                    return next++;
                }

                @Override
                public void free(int seq) {
                    for (int b : t(seq)) if (--refs[b] == 0) free.add(b);
                    tables.remove(seq);
                    lens.remove(seq);
                }

                @Override
                public int[] blockTable(int seq) { return t(seq).clone(); }

                @Override
                public int length(int seq) {
                    t(seq);
                    return lens.get(seq);
                }

                double[][] gather(int seq, double[] store) {
                    int[] t = t(seq);
                    double[][] out = new double[lens.get(seq)][];
                    for (int i = 0; i < out.length; i++) {
                        int at = (t[i / blockSize] * blockSize + i % blockSize) * dim;
                        out[i] = Arrays.copyOfRange(store, at, at + dim);
                    }
                    return out;
                }

                @Override
                public double[][] keys(int seq) { return gather(seq, k); }

                @Override
                public double[][] values(int seq) { return gather(seq, v); }

                @Override
                public int refCount(int block) { return refs[block]; }

                @Override
                public int freeBlocks() { return free.size(); }
            };
        }
    }
}
