package katagym.backprop;

/** Plausible learner bugs the optimizers spec must catch. */
final class OptimizersBugs {
    private OptimizersBugs() {}

    /** Adam without bias correction: the first steps are too small (m) and too large (v). */
    static final class AdamWithoutBiasCorrection extends OptimizersReference {
        @Override
        protected AdamState adamUpdate(AdamState state, double[] p, double[] d, Adam h) {
            double[] m = new double[d.length], v = new double[d.length];
            for (int i = 0; i < d.length; i++) {
                m[i] = h.beta1() * state.m()[i] + (1 - h.beta1()) * d[i];
                v[i] = h.beta2() * state.v()[i] + (1 - h.beta2()) * d[i] * d[i];
                p[i] -= h.lr() * m[i] / (Math.sqrt(v[i]) + h.eps());
            }
            return new AdamState(state.step() + 1, p, m, v);
        }
    }

    /** AdamW that adds weightDecay * p to the gradient, i.e. Adam with L2, not decoupled decay. */
    static final class AdamwDecayThroughGradient extends OptimizersReference {
        @Override
        public AdamState adamwStep(AdamState state, double[] grad, Adam h) {
            return adamStep(state, grad, h);
        }
    }

    /** Dampens the first step too: buf = momentum * 0 + (1 - dampening) * d instead of buf = d. */
    static final class SgdDampensTheFirstStep extends OptimizersReference {
        @Override
        public SgdState sgdStep(SgdState state, double[] grad, Sgd h) {
            SgdState started = new SgdState(Math.max(1, state.step()), state.params(), state.buffer());
            SgdState next = super.sgdStep(started, grad, h);
            return new SgdState(state.step() + 1, next.params(), next.buffer());
        }
    }

    /** Puts eps inside the square root: sqrt(vhat + eps). */
    static final class AdamEpsInsideSqrt extends OptimizersReference {
        @Override
        protected AdamState adamUpdate(AdamState state, double[] p, double[] d, Adam h) {
            int t = state.step() + 1;
            double[] m = new double[d.length], v = new double[d.length];
            for (int i = 0; i < d.length; i++) {
                m[i] = h.beta1() * state.m()[i] + (1 - h.beta1()) * d[i];
                v[i] = h.beta2() * state.v()[i] + (1 - h.beta2()) * d[i] * d[i];
                double mhat = m[i] / (1 - Math.pow(h.beta1(), t)), vhat = v[i] / (1 - Math.pow(h.beta2(), t));
                p[i] -= h.lr() * mhat / Math.sqrt(vhat + h.eps());
            }
            return new AdamState(t, p, m, v);
        }
    }

    /** Nesterov that steps along the buffer alone, forgetting the current gradient term. */
    static final class NesterovWithoutGradientTerm extends OptimizersReference {
        @Override
        public SgdState sgdStep(SgdState state, double[] grad, Sgd h) {
            if (!h.nesterov()) return super.sgdStep(state, grad, h);
            SgdState plain = super.sgdStep(state, grad, new Sgd(h.lr(), h.momentum(), h.dampening(), h.weightDecay(), false));
            double[] p = plain.params().clone();
            for (int i = 0; i < p.length; i++) p[i] = state.params()[i] - h.lr() * h.momentum() * plain.buffer()[i];
            return new SgdState(plain.step(), p, plain.buffer());
        }
    }

    /** Multiplies the new gradient by dampening instead of (1 - dampening) from the second step on. */
    static final class SgdDampeningInsteadOfOneMinusDampening extends OptimizersReference {
        @Override
        public SgdState sgdStep(SgdState state, double[] grad, Sgd h) {
            return super.sgdStep(state, grad, new Sgd(h.lr(), h.momentum(), 1 - h.dampening(), h.weightDecay(), h.nesterov()));
        }
    }

    /** Adam that forgets weightDecay altogether (only AdamW decays). */
    static final class AdamIgnoresWeightDecay extends OptimizersReference {
        @Override
        public AdamState adamStep(AdamState state, double[] grad, Adam h) {
            return super.adamStep(state, grad, new Adam(h.lr(), h.beta1(), h.beta2(), h.eps(), 0));
        }
    }

    /** Detects the first SGD step by an all-zero buffer instead of step == 0: after a zero first gradient the second step skips dampening. */
    static final class SgdFirstStepDetectedByAZeroBuffer extends OptimizersReference {
        @Override
        public SgdState sgdStep(SgdState state, double[] grad, Sgd h) {
            boolean zero = true;
            for (double b : state.buffer()) zero &= b == 0;
            SgdState as = new SgdState(zero ? 0 : Math.max(1, state.step()), state.params(), state.buffer());
            SgdState next = super.sgdStep(as, grad, h);
            return new SgdState(state.step() + 1, next.params(), next.buffer());
        }
    }

    /** Skips entries whose gradient is exactly 0 (as a sparse Adam would): their m and v are not decayed and p does not move. */
    static final class AdamSkipsZeroGradientEntries extends OptimizersReference {
        @Override
        protected AdamState adamUpdate(AdamState state, double[] p, double[] d, Adam h) {
            double[] p0 = p.clone();
            AdamState next = super.adamUpdate(state, p, d, h);
            for (int i = 0; i < d.length; i++) {
                if (d[i] == 0) {
                    next.params()[i] = p0[i];
                    next.m()[i] = state.m()[i];
                    next.v()[i] = state.v()[i];
                }
            }
            return next;
        }
    }

    /** "The first step copies d" taken literally: with no weight decay the new buffer IS the caller's gradient array. */
    static final class SgdFirstBufferIsTheGradientArray extends OptimizersReference {
        @Override
        public SgdState sgdStep(SgdState state, double[] grad, Sgd h) {
            SgdState next = super.sgdStep(state, grad, h);
            if (state.step() == 0 && h.weightDecay() == 0) return new SgdState(next.step(), next.params(), grad);
            return next;
        }
    }

    /** AdamW applies the decoupled decay after the Adam update instead of before it. */
    static final class AdamwDecaysAfterTheUpdate extends OptimizersReference {
        @Override
        public AdamState adamwStep(AdamState state, double[] grad, Adam h) {
            AdamState next = adamUpdate(state, state.params().clone(), grad.clone(), h);
            double[] p = next.params();
            for (int i = 0; i < p.length; i++) p[i] *= 1 - h.lr() * h.weightDecay();
            return next;
        }
    }
}
