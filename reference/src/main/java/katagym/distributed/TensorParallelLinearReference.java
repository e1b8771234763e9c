package katagym.distributed;

public class TensorParallelLinearReference implements TensorParallelLinear {

    @Override
    public Shard[] shard(double[][] a, double[] b1, double[][] b, int p) {
        int f = b1.length;
        if (p < 1 || f % p != 0) throw new IllegalArgumentException("p must divide the hidden width " + f);
        int w = f / p, d = a.length, k = b[0].length;
        Shard[] out = new Shard[p];
        for (int r = 0; r < p; r++) {
            double[][] ar = new double[d][w];
            for (int i = 0; i < d; i++) System.arraycopy(a[i], r * w, ar[i], 0, w);
            double[] br1 = new double[w];
            System.arraycopy(b1, r * w, br1, 0, w);
            double[][] br = new double[w][];
            for (int j = 0; j < w; j++) br[j] = b[r * w + j].clone();
            out[r] = new Shard(ar, br1, br);
        }
        return out;
    }

    /** Rank r's work: ReLU(X A_r + b1_r) B_r. */
    static double[][] partial(double[][] x, Shard s) {
        int n = x.length, d = s.a().length, w = s.b1().length, k = s.b()[0].length;
        double[][] z = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < w; j++) {
                double h = s.b1()[j];
                for (int c = 0; c < d; c++) h += x[i][c] * s.a()[c][j];
                if (h <= 0) continue; // ReLU
                for (int o = 0; o < k; o++) z[i][o] += h * s.b()[j][o];
            }
        }
        return z;
    }

    @Override
    public double[][] forward(double[][] x, Shard[] shards, double[] b2, AllReduce allReduce) {
        double[][][] partials = new double[shards.length][][];
        for (int r = 0; r < shards.length; r++) partials[r] = partial(x, shards[r]);
        double[][] sum = allReduce.sum(partials);
        double[][] y = new double[sum.length][];
        for (int i = 0; i < sum.length; i++) {
            y[i] = sum[i].clone();
            for (int o = 0; o < b2.length; o++) y[i][o] += b2[o];
        }
        return y;
    }
}
