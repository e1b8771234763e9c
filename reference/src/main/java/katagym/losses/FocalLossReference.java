package katagym.losses;

public class FocalLossReference implements FocalLoss {

    static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** log(1 + exp(v)), exact for any finite v. */
    static double softplus(double v) {
        return Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
    }

    static double alphaT(double y, double alpha) {
        if (alpha < 0) return 1;
        return y == 1 ? alpha : 1 - alpha;
    }

    /**
     * Works with the signed logit z = x for y = 1 and -x for y = 0, so that p_t = sigmoid(z),
     * 1 - p_t = sigmoid(-z) (no cancellation in 1 - p) and ce = softplus(-z).
     */
    @Override
    public double loss(double[] logits, double[] targets, double alpha, double gamma) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double z = targets[i] == 1 ? logits[i] : -logits[i];
            double q = sigmoid(-z);
            sum += alphaT(targets[i], alpha) * Math.pow(q, gamma) * softplus(-z);
        }
        return sum / logits.length;
    }

    /**
     * d/dz of q^gamma * ce with dq/dz = -q p_t and dce/dz = -q gives -q^gamma (gamma p_t ce + q);
     * dz/dx is +1 for y = 1 and -1 for y = 0.
     */
    @Override
    public double[] gradient(double[] logits, double[] targets, double alpha, double gamma) {
        int n = logits.length;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            double sign = targets[i] == 1 ? 1 : -1;
            double z = sign * logits[i];
            double pt = sigmoid(z), q = sigmoid(-z), ce = softplus(-z);
            double dz = -Math.pow(q, gamma) * (gamma * pt * ce + q);
            g[i] = alphaT(targets[i], alpha) * sign * dz / n;
        }
        return g;
    }
}
