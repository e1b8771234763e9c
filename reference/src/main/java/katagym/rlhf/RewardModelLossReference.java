package katagym.rlhf;

public class RewardModelLossReference implements RewardModelLoss {

    /** log(1 + e^x) without overflow: max(x, 0) + log1p(e^-|x|). */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** 1 / (1 + e^-x), exp only ever of a non-positive argument. */
    static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }

    static double pairs(int k) {
        return k * (k - 1) / 2.0;
    }

    @Override
    public double loss(double[] rewards) {
        int k = rewards.length;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) sum += softplus(rewards[j] - rewards[i]); // -log sigmoid(r_i - r_j)
        }
        return sum / pairs(k);
    }

    @Override
    public double[] gradient(double[] rewards) {
        int k = rewards.length;
        double c = pairs(k);
        double[] g = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double p = sigmoid(rewards[j] - rewards[i]) / c; // probability the ranking is wrong
                g[i] -= p;
                g[j] += p;
            }
        }
        return g;
    }
}
