package katagym.backprop;

public class OptimizersReference implements Optimizers {

    @Override
    public SgdState sgdStep(SgdState state, double[] grad, Sgd h) {
        int n = grad.length;
        double[] p = state.params().clone();
        double[] buf = new double[n];
        for (int i = 0; i < n; i++) {
            double d = grad[i] + h.weightDecay() * p[i];
            buf[i] = state.step() == 0 ? d : h.momentum() * state.buffer()[i] + (1 - h.dampening()) * d;
            double u = h.nesterov() ? d + h.momentum() * buf[i] : buf[i];
            p[i] -= h.lr() * u;
        }
        return new SgdState(state.step() + 1, p, buf);
    }

    /** The Adam update of p from gradient d (decay already applied as the variant wants). */
    protected AdamState adamUpdate(AdamState state, double[] p, double[] d, Adam h) {
        int t = state.step() + 1;
        double bc1 = 1 - Math.pow(h.beta1(), t);
        double bc2Sqrt = Math.sqrt(1 - Math.pow(h.beta2(), t));
        double stepSize = h.lr() / bc1;
        double[] m = new double[d.length], v = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            m[i] = h.beta1() * state.m()[i] + (1 - h.beta1()) * d[i];
            v[i] = h.beta2() * state.v()[i] + (1 - h.beta2()) * d[i] * d[i];
            double denom = Math.sqrt(v[i]) / bc2Sqrt + h.eps();
            p[i] -= stepSize * m[i] / denom;
        }
        return new AdamState(t, p, m, v);
    }

    @Override
    public AdamState adamStep(AdamState state, double[] grad, Adam h) {
        double[] p = state.params().clone();
        double[] d = new double[grad.length];
        for (int i = 0; i < d.length; i++) d[i] = grad[i] + h.weightDecay() * p[i];
        return adamUpdate(state, p, d, h);
    }

    @Override
    public AdamState adamwStep(AdamState state, double[] grad, Adam h) {
        double[] p = state.params().clone();
        for (int i = 0; i < p.length; i++) p[i] *= 1 - h.lr() * h.weightDecay();
        return adamUpdate(state, p, grad.clone(), h);
    }
}
