package katagym.rlhf;

/** Plausible learner bugs the dpo-loss spec must catch. */
final class DpoLossBugs {
    private DpoLossBugs() {}

    /** Leaves beta out: -log sigmoid(margin), consistently in the loss and the gradient. */
    static final class NoBeta extends DpoLossReference {
        @Override
        public double loss(double[] pc, double[] pr, double[] rc, double[] rr, double beta) {
            return super.loss(pc, pr, rc, rr, 1.0);
        }

        @Override
        public Gradients gradient(double[] pc, double[] pr, double[] rc, double[] rr, double beta) {
            return super.gradient(pc, pr, rc, rr, 1.0);
        }
    }

    /** Adds the reference log-probs instead of subtracting them: (pi_c + ref_c) - (pi_r + ref_r). */
    static final class ReferenceSignFlipped extends DpoLossReference {
        @Override
        public double loss(double[] pc, double[] pr, double[] rc, double[] rr, double beta) {
            return super.loss(pc, pr, negate(rc), negate(rr), beta);
        }

        @Override
        public Gradients gradient(double[] pc, double[] pr, double[] rc, double[] rr, double beta) {
            return super.gradient(pc, pr, negate(rc), negate(rr), beta);
        }

        private static double[] negate(double[] v) {
            double[] out = new double[v.length];
            for (int i = 0; i < v.length; i++) out[i] = -v[i];
            return out;
        }
    }

    /** Computes -Math.log(sigmoid(z)) literally: Infinity once sigmoid(z) underflows to 0. */
    static final class NaiveLogOfSigmoid extends DpoLossReference {
        @Override
        public double loss(double[] pc, double[] pr, double[] rc, double[] rr, double beta) {
            double sum = 0;
            for (int i = 0; i < pc.length; i++) sum += -Math.log(1 / (1 + Math.exp(-logit(pc[i], pr[i], rc[i], rr[i], beta))));
            return sum / pc.length;
        }
    }

    /** Forgets the chain-rule factor beta in the gradient. */
    static final class GradientMissingBeta extends DpoLossReference {
        @Override
        public Gradients gradient(double[] pc, double[] pr, double[] rc, double[] rr, double beta) {
            Gradients g = super.gradient(pc, pr, rc, rr, beta);
            double[] dc = g.dPolicyChosen().clone(), dr = g.dPolicyRejected().clone();
            for (int i = 0; i < dc.length; i++) { dc[i] /= beta; dr[i] /= beta; }
            return new Gradients(dc, dr);
        }
    }

    /** Swaps chosen and rejected: trains the policy toward the response the labellers rejected. */
    static final class ChosenAndRejectedSwapped extends DpoLossReference {
        @Override
        public double loss(double[] pc, double[] pr, double[] rc, double[] rr, double beta) {
            return super.loss(pr, pc, rr, rc, beta);
        }

        @Override
        public Gradients gradient(double[] pc, double[] pr, double[] rc, double[] rr, double beta) {
            Gradients g = super.gradient(pr, pc, rr, rc, beta);
            return new Gradients(g.dPolicyRejected(), g.dPolicyChosen());
        }
    }

    /** Keeps the two gradient arrays in fields reused between calls. */
    static final class ReusesGradientArrays extends DpoLossReference {
        private double[] dc = new double[0], dr = new double[0];

        @Override
        public Gradients gradient(double[] pc, double[] pr, double[] rc, double[] rr, double beta) {
            Gradients g = super.gradient(pc, pr, rc, rr, beta);
            if (dc.length != pc.length) { dc = new double[pc.length]; dr = new double[pc.length]; }
            System.arraycopy(g.dPolicyChosen(), 0, dc, 0, dc.length);
            System.arraycopy(g.dPolicyRejected(), 0, dr, 0, dr.length);
            return new Gradients(dc, dr);
        }
    }

    /** Writes softplus with log(1 + exp(-|z|)) instead of log1p: a margin of 40 gives loss 0 instead of 4.2e-18. */
    static final class LogInsteadOfLog1p extends DpoLossReference {
        @Override
        public double loss(double[] pc, double[] pr, double[] rc, double[] rr, double beta) {
            double sum = 0;
            for (int i = 0; i < pc.length; i++) {
                double x = -logit(pc[i], pr[i], rc[i], rr[i], beta);
                sum += Math.max(x, 0) + Math.log(1 + Math.exp(-Math.abs(x)));
            }
            return sum / pc.length;
        }
    }

    /** "sigmoid(-30) is zero anyway": a pair whose margin exceeds 30 gets no gradient at all. */
    static final class GradientFlushedBeyondMargin30 extends DpoLossReference {
        @Override
        public Gradients gradient(double[] pc, double[] pr, double[] rc, double[] rr, double beta) {
            Gradients g = super.gradient(pc, pr, rc, rr, beta);
            for (int i = 0; i < pc.length; i++) {
                if (logit(pc[i], pr[i], rc[i], rr[i], beta) > 30) { g.dPolicyChosen()[i] = 0; g.dPolicyRejected()[i] = 0; }
            }
            return g;
        }
    }
}
