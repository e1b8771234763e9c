package katagym.backprop;

/** Correct solutions written unlike the reference: the spec must accept them on every seed. */
final class OptimizersAlternatives {
    private OptimizersAlternatives() {}

    /** Adam through explicit mhat and vhat (another rounding than folding the corrections into the step size). */
    static final class ExplicitBiasCorrectedMoments implements Optimizers {
        @Override
        public SgdState sgdStep(SgdState state, double[] grad, Sgd h) {
            int n = grad.length;
            double[] p = new double[n], buf = new double[n];
            for (int i = 0; i < n; i++) {
                double d = grad[i] + h.weightDecay() * state.params()[i];
                buf[i] = state.step() == 0 ? d : h.momentum() * state.buffer()[i] + (1 - h.dampening()) * d;
                p[i] = state.params()[i] - h.lr() * (h.nesterov() ? d + h.momentum() * buf[i] : buf[i]);
            }
            return new SgdState(state.step() + 1, p, buf);
        }

        private static AdamState update(AdamState state, double[] p, double[] d, Adam h) {
            int t = state.step() + 1;
            double[] m = new double[d.length], v = new double[d.length];
            for (int i = 0; i < d.length; i++) {
                m[i] = h.beta1() * state.m()[i] + (1 - h.beta1()) * d[i];
                v[i] = h.beta2() * state.v()[i] + (1 - h.beta2()) * d[i] * d[i];
                double mhat = m[i] / (1 - Math.pow(h.beta1(), t));
                double vhat = v[i] / (1 - Math.pow(h.beta2(), t));
                p[i] -= h.lr() * mhat / (Math.sqrt(vhat) + h.eps());
            }
            return new AdamState(t, p, m, v);
        }

        @Override
        public AdamState adamStep(AdamState state, double[] grad, Adam h) {
            double[] p = state.params().clone(), d = new double[grad.length];
            for (int i = 0; i < d.length; i++) d[i] = grad[i] + h.weightDecay() * p[i];
            return update(state, p, d, h);
        }

        @Override
        public AdamState adamwStep(AdamState state, double[] grad, Adam h) {
            double[] p = new double[grad.length];
            for (int i = 0; i < p.length; i++) p[i] = state.params()[i] * (1 - h.lr() * h.weightDecay());
            return update(state, p, grad.clone(), h);
        }
    }
}
