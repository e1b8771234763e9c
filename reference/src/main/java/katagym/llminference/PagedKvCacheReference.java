package katagym.llminference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class PagedKvCacheReference implements PagedKvCache {

    @Override
    public Cache create(int numBlocks, int blockSize, int dim) {
        if (numBlocks < 1 || blockSize < 1 || dim < 1) throw new IllegalArgumentException("numBlocks, blockSize and dim must be >= 1");
        return new Pool(numBlocks, blockSize, dim);
    }

    /** The block pool; fields are package-visible so fixture bugs can change one step. */
    public static class Pool implements Cache {
        final int numBlocks, blockSize, dim;
        final double[][][] keys, values; // [block][slot][dim]
        final int[] refs;
        final Map<Integer, List<Integer>> tables = new HashMap<>();
        final Map<Integer, Integer> lengths = new HashMap<>();
        int nextId;

        protected Pool(int numBlocks, int blockSize, int dim) {
            this.numBlocks = numBlocks;
            this.blockSize = blockSize;
            this.dim = dim;
            keys = new double[numBlocks][blockSize][dim];
            values = new double[numBlocks][blockSize][dim];
            refs = new int[numBlocks];
        }

        List<Integer> table(int seq) {
            List<Integer> t = tables.get(seq);
            if (t == null) throw new IllegalArgumentException("unknown or freed sequence " + seq);
            return t;
        }

        /** The free block with the lowest id, or -1. */
        int lowestFree() {
            for (int b = 0; b < numBlocks; b++) if (refs[b] == 0) return b;
            return -1;
        }

        @Override
        public int allocate() {
            int id = nextId++;
            tables.put(id, new ArrayList<>());
            lengths.put(id, 0);
            return id;
        }

        @Override
        public void append(int seq, double[] k, double[] v) {
            List<Integer> t = table(seq);
            if (k == null || v == null || k.length != dim || v.length != dim) throw new IllegalArgumentException("k and v need " + dim + " entries");
            int len = lengths.get(seq), slot = len % blockSize;
            if (slot == 0) {
                int b = lowestFree();
                if (b < 0) throw new IllegalStateException("out of blocks");
                refs[b] = 1;
                t.add(b);
            } else {
                int last = t.get(t.size() - 1);
                if (refs[last] > 1) { // copy-on-write
                    int b = lowestFree();
                    if (b < 0) throw new IllegalStateException("out of blocks");
                    for (int s = 0; s < slot; s++) {
                        keys[b][s] = keys[last][s].clone();
                        values[b][s] = values[last][s].clone();
                    }
                    refs[last]--;
                    refs[b] = 1;
                    t.set(t.size() - 1, b);
                }
            }
            int block = t.get(t.size() - 1);
            keys[block][slot] = k.clone();
            values[block][slot] = v.clone();
            lengths.put(seq, len + 1);
        }

        @Override
        public int fork(int seq) {
            List<Integer> t = table(seq);
            int id = nextId++;
            for (int b : t) refs[b]++;
            tables.put(id, new ArrayList<>(t));
            lengths.put(id, lengths.get(seq));
            return id;
        }

        @Override
        public void free(int seq) {
            for (int b : table(seq)) refs[b]--;
            tables.remove(seq);
            lengths.remove(seq);
        }

        @Override
        public int[] blockTable(int seq) {
            return table(seq).stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        public int length(int seq) {
            table(seq);
            return lengths.get(seq);
        }

        double[][] gather(int seq, double[][][] store) {
            List<Integer> t = table(seq);
            int len = lengths.get(seq);
            double[][] out = new double[len][];
            for (int i = 0; i < len; i++) out[i] = store[t.get(i / blockSize)][i % blockSize].clone();
            return out;
        }

        @Override
        public double[][] keys(int seq) { return gather(seq, keys); }

        @Override
        public double[][] values(int seq) { return gather(seq, values); }

        @Override
        public int refCount(int block) { return refs[block]; }

        @Override
        public int freeBlocks() {
            int n = 0;
            for (int r : refs) if (r == 0) n++;
            return n;
        }
    }
}
