package katagym.rlhf;

public class DpoLossReference implements DpoLoss {

    /** log(1 + e^x) without overflow. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** beta times the difference of the implicit rewards' log-ratios. */
    static double logit(double pc, double pr, double rc, double rr, double beta) {
        return beta * ((pc - rc) - (pr - rr));
    }

    @Override
    public double loss(double[] policyChosen, double[] policyRejected,
                       double[] referenceChosen, double[] referenceRejected, double beta) {
        int n = policyChosen.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += softplus(-logit(policyChosen[i], policyRejected[i], referenceChosen[i], referenceRejected[i], beta));
        }
        return sum / n;
    }

    @Override
    public Gradients gradient(double[] policyChosen, double[] policyRejected,
                              double[] referenceChosen, double[] referenceRejected, double beta) {
        int n = policyChosen.length;
        double[] dc = new double[n], dr = new double[n];
        for (int i = 0; i < n; i++) {
            double z = logit(policyChosen[i], policyRejected[i], referenceChosen[i], referenceRejected[i], beta);
            double w = beta * sigmoid(-z) / n; // d/dz softplus(-z) = -sigmoid(-z)
            dc[i] = -w;
            dr[i] = w;
        }
        return new Gradients(dc, dr);
    }
}
