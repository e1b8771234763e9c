package katagym.rlhf;

/** Correct DPO losses written differently from the reference. */
final class DpoLossAlternatives {
    private DpoLossAlternatives() {}

    /**
     * The margin grouped as (pc - pr) - (rc - rr) (policy margin minus reference margin), -log sigmoid
     * as a two-branch formula, sigmoid(-z) as exp(-softplus(z)).
     */
    static final class PolicyMarginMinusReferenceMargin implements DpoLoss {
        static double minusLogSigmoid(double z) {
            return z >= 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
        }

        @Override
        public double loss(double[] pc, double[] pr, double[] rc, double[] rr, double beta) {
            double sum = 0;
            for (int i = 0; i < pc.length; i++) sum += minusLogSigmoid(beta * ((pc[i] - pr[i]) - (rc[i] - rr[i])));
            return sum / pc.length;
        }

        @Override
        public Gradients gradient(double[] pc, double[] pr, double[] rc, double[] rr, double beta) {
            int n = pc.length;
            double[] dc = new double[n], dr = new double[n];
            for (int i = 0; i < n; i++) {
                double z = beta * ((pc[i] - pr[i]) - (rc[i] - rr[i]));
                double s = Math.exp(-minusLogSigmoid(-z)); // sigmoid(-z)
                dc[i] = -beta * s / n;
                dr[i] = beta * s / n;
            }
            return new Gradients(dc, dr);
        }
    }
}
