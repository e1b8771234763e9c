package katagym.losses;

public class BinaryCrossEntropyReference implements BinaryCrossEntropy {

    /** Never calls exp on a positive argument. */
    static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** -[y log s(x) + (1-y) log(1-s(x))] = max(x, 0) - x y + log(1 + exp(-|x|)): exact for any finite x. */
    static double elementLoss(double x, double y) {
        return Math.max(x, 0) - x * y + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    public double loss(double[] logits, double[] targets) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) sum += elementLoss(logits[i], targets[i]);
        return sum / logits.length;
    }

    @Override
    public double[] gradient(double[] logits, double[] targets) {
        int n = logits.length;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = (sigmoid(logits[i]) - targets[i]) / n;
        return g;
    }
}
