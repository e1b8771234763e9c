package katagym.distributed;

/** Plausible learner bugs the tensor-parallel-linear spec must catch. */
final class TensorParallelLinearBugs {
    private TensorParallelLinearBugs() {}

    /** Adds b2 on every rank before the all-reduce: the bias arrives p times. */
    static final class BiasOnEveryRank extends TensorParallelLinearReference {
        @Override
        public double[][] forward(double[][] x, Shard[] shards, double[] b2, AllReduce allReduce) {
            double[][][] partials = new double[shards.length][][];
            for (int r = 0; r < shards.length; r++) {
                partials[r] = partial(x, shards[r]);
                for (double[] row : partials[r]) for (int o = 0; o < b2.length; o++) row[o] += b2[o];
            }
            return allReduce.sum(partials);
        }
    }

    /** Applies ReLU after the all-reduce (to the output) instead of to each rank's hidden columns. */
    static final class ReluAfterAllReduce extends TensorParallelLinearReference {
        @Override
        public double[][] forward(double[][] x, Shard[] shards, double[] b2, AllReduce allReduce) {
            double[][][] partials = new double[shards.length][][];
            for (int r = 0; r < shards.length; r++) {
                Shard s = shards[r];
                int n = x.length, d = s.a().length, w = s.b1().length, k = s.b()[0].length;
                partials[r] = new double[n][k];
                for (int i = 0; i < n; i++) for (int j = 0; j < w; j++) {
                    double h = s.b1()[j];
                    for (int c = 0; c < d; c++) h += x[i][c] * s.a()[c][j];
                    for (int o = 0; o < k; o++) partials[r][i][o] += h * s.b()[j][o];
                }
            }
            double[][] y = allReduce.sum(partials);
            for (double[] row : y) for (int o = 0; o < b2.length; o++) row[o] = Math.max(0, row[o]) + b2[o];
            return y;
        }
    }

    /** Deals the hidden units round-robin (unit j to rank j % p) instead of in contiguous blocks. */
    static final class RoundRobinLayout extends TensorParallelLinearReference {
        @Override
        public Shard[] shard(double[][] a, double[] b1, double[][] b, int p) {
            int f = b1.length;
            if (p < 1 || f % p != 0) throw new IllegalArgumentException("p must divide f");
            int w = f / p;
            Shard[] out = new Shard[p];
            for (int r = 0; r < p; r++) {
                double[][] ar = new double[a.length][w];
                double[] br1 = new double[w];
                double[][] br = new double[w][];
                for (int j = 0; j < w; j++) {
                    int col = j * p + r;
                    for (int i = 0; i < a.length; i++) ar[i][j] = a[i][col];
                    br1[j] = b1[col];
                    br[j] = b[col].clone();
                }
                out[r] = new Shard(ar, br1, br);
            }
            return out;
        }
    }

    /** Splits B by columns too (as if it were column-parallel): the shards have the wrong shape. */
    static final class SplitsBByColumns extends TensorParallelLinearReference {
        @Override
        public Shard[] shard(double[][] a, double[] b1, double[][] b, int p) {
            Shard[] s = super.shard(a, b1, b, p);
            int k = b[0].length, w = Math.max(1, k / p);
            for (int r = 0; r < p; r++) {
                double[][] br = new double[b.length][w];
                for (int i = 0; i < b.length; i++) for (int j = 0; j < w && r * w + j < k; j++) br[i][j] = b[i][r * w + j];
                s[r] = new Shard(s[r].a(), s[r].b1(), br);
            }
            return s;
        }
    }

    /** All-gathers the hidden activations (an all-reduce of zero-padded H) and finishes on the full H: two all-reduces. */
    static final class AllGathersTheHidden extends TensorParallelLinearReference {
        @Override
        public double[][] forward(double[][] x, Shard[] shards, double[] b2, AllReduce allReduce) {
            int p = shards.length, n = x.length, w = shards[0].b1().length, f = p * w, k = b2.length;
            double[][][] padded = new double[p][n][f];
            for (int r = 0; r < p; r++) {
                Shard s = shards[r];
                for (int i = 0; i < n; i++) for (int j = 0; j < w; j++) {
                    double h = s.b1()[j];
                    for (int c = 0; c < s.a().length; c++) h += x[i][c] * s.a()[c][j];
                    padded[r][i][r * w + j] = Math.max(0, h);
                }
            }
            double[][] hidden = allReduce.sum(padded);
            double[][][] partials = new double[p][n][k];
            for (int r = 0; r < p; r++) for (int i = 0; i < n; i++) for (int j = 0; j < w; j++) for (int o = 0; o < k; o++) {
                partials[r][i][o] += hidden[i][r * w + j] * shards[r].b()[j][o];
            }
            double[][] y = allReduce.sum(partials);
            for (double[] row : y) for (int o = 0; o < k; o++) row[o] += b2[o];
            return y;
        }
    }

    /** Arrays.copyOfRange on B's rows: the shards share B's row arrays (a view, not a copy). */
    static final class ShardSharesRowsOfB extends TensorParallelLinearReference {
        @Override
        public Shard[] shard(double[][] a, double[] b1, double[][] b, int p) {
            Shard[] s = super.shard(a, b1, b, p);
            int w = b1.length / p;
            for (int r = 0; r < p; r++) s[r] = new Shard(s[r].a(), s[r].b1(), java.util.Arrays.copyOfRange(b, r * w, (r + 1) * w));
            return s;
        }
    }

    /** Gives every rank the first f/p entries of b1 (forgets the offset r f/p). */
    static final class BiasShardWithoutOffset extends TensorParallelLinearReference {
        @Override
        public Shard[] shard(double[][] a, double[] b1, double[][] b, int p) {
            Shard[] s = super.shard(a, b1, b, p);
            for (int r = 0; r < p; r++) s[r] = new Shard(s[r].a(), java.util.Arrays.copyOfRange(b1, 0, b1.length / p), s[r].b());
            return s;
        }
    }

    /** No divisibility check: f / p rounds down and the last columns are silently dropped. */
    static final class NoDivisibilityCheck extends TensorParallelLinearReference {
        @Override
        public Shard[] shard(double[][] a, double[] b1, double[][] b, int p) {
            if (p >= 1 && b1.length % p != 0) {
                int f = (b1.length / p) * p;
                double[][] a2 = new double[a.length][];
                for (int i = 0; i < a.length; i++) a2[i] = java.util.Arrays.copyOf(a[i], f);
                return super.shard(a2, java.util.Arrays.copyOf(b1, f), java.util.Arrays.copyOf(b, f), p);
            }
            return super.shard(a, b1, b, p);
        }
    }
}
