package katagym.distributed;

/** Correct solutions unlike the reference. */
final class TensorParallelLinearAlternatives {
    private TensorParallelLinearAlternatives() {}

    /**
     * Each rank materialises its hidden block H_r = ReLU(X A_r + b1_r) first, then multiplies by B_r
     * with the hidden index innermost (another summation order); the bias b2 initialises the output
     * after the all-reduce. Shards are built from index arithmetic on the global column.
     */
    static final class MaterialisedHidden implements TensorParallelLinear {
        @Override
        public Shard[] shard(double[][] a, double[] b1, double[][] b, int p) {
            if (p <= 0 || b1.length % p != 0) throw new IllegalArgumentException("p must divide f");
            int w = b1.length / p;
            Shard[] out = new Shard[p];
            for (int r = 0; r < p; r++) {
                double[][] ar = new double[a.length][];
                for (int i = 0; i < a.length; i++) ar[i] = java.util.Arrays.copyOfRange(a[i], r * w, r * w + w);
                double[][] br = new double[w][];
                for (int j = 0; j < w; j++) br[j] = java.util.Arrays.copyOf(b[r * w + j], b[r * w + j].length);
                out[r] = new Shard(ar, java.util.Arrays.copyOfRange(b1, r * w, r * w + w), br);
            }
            return out;
        }

        @Override
        public double[][] forward(double[][] x, Shard[] shards, double[] b2, AllReduce allReduce) {
            int n = x.length, k = b2.length;
            double[][][] partials = new double[shards.length][n][k];
            for (int r = 0; r < shards.length; r++) {
                Shard s = shards[r];
                int w = s.b1().length;
                double[][] h = new double[n][w];
                for (int i = 0; i < n; i++) for (int j = 0; j < w; j++) {
                    double acc = 0;
                    for (int c = s.a().length - 1; c >= 0; c--) acc += x[i][c] * s.a()[c][j];
                    h[i][j] = Math.max(0.0, acc + s.b1()[j]);
                }
                for (int i = 0; i < n; i++) for (int o = 0; o < k; o++) {
                    double acc = 0;
                    for (int j = 0; j < w; j++) acc += h[i][j] * s.b()[j][o];
                    partials[r][i][o] = acc;
                }
            }
            double[][] sum = allReduce.sum(partials);
            double[][] y = new double[n][k];
            for (int i = 0; i < n; i++) for (int o = 0; o < k; o++) y[i][o] = b2[o] + sum[i][o];
            return y;
        }
    }
}
