package katagym.regularization;

import java.util.SplittableRandom;

/** Plausible learner bugs the dropout spec must catch. */
final class DropoutBugs {
    private DropoutBugs() {}

    /** Inverted dropout that forgets the 1 / (1 - p): training output is too small on average. */
    static final class InvertedForgetsTheScale extends DropoutReference {
        @Override
        public double[] invertedTrain(double[] x, double[] u, double p) {
            return masked(x, u, p, 1);
        }

        @Override
        public double[] invertedBackward(double[] upstream, double[] u, double p) {
            return masked(upstream, u, p, 1);
        }
    }

    /** Backward draws a fresh mask instead of reusing the forward's draws. */
    static final class BackwardDrawsANewMask extends DropoutReference {
        private final SplittableRandom random = new SplittableRandom(42);

        @Override
        public double[] invertedBackward(double[] upstream, double[] u, double p) {
            double[] fresh = new double[u.length];
            for (int i = 0; i < fresh.length; i++) fresh[i] = random.nextDouble();
            return super.invertedBackward(upstream, fresh, p);
        }
    }

    /** Keeps the units with u < p: keeps a fraction p instead of 1 - p. */
    static final class KeepsWhereUIsBelowP extends DropoutReference {
        @Override
        protected boolean kept(double u, double p) {
            return u < p;
        }
    }

    /** Classic dropout that forgets to scale by (1 - p) at inference. */
    static final class ClassicInferenceUnscaled extends DropoutReference {
        @Override
        public double[] classicInference(double[] x, double p) {
            return x.clone();
        }
    }

    /** Inverted dropout that also scales at eval time, mixing the two conventions. */
    static final class InvertedEvalScales extends DropoutReference {
        @Override
        public double[] invertedEval(double[] x, double p) {
            return classicInference(x, p);
        }
    }

    /** Keeps a unit only when u > p, strictly: a draw exactly equal to p drops it (the contract keeps it). */
    static final class KeepsOnlyWhenUIsAboveP extends DropoutReference {
        @Override
        protected boolean kept(double u, double p) {
            return u > p;
        }
    }

    /** A "fast path" for p = 0: nothing is dropped, so it returns x itself instead of a new array. */
    static final class FastPathReturnsTheInputWhenPIsZero extends DropoutReference {
        @Override
        public double[] invertedTrain(double[] x, double[] u, double p) {
            return p == 0 ? x : super.invertedTrain(x, u, p);
        }

        @Override
        public double[] classicTrain(double[] x, double[] u, double p) {
            return p == 0 ? x : super.classicTrain(x, u, p);
        }
    }

    /** Keeps the output buffer in a field between calls: the next call overwrites the last result. */
    static final class ReusesOutputBuffer extends DropoutReference {
        private double[] buffer = new double[0];

        @Override
        protected double[] masked(double[] v, double[] u, double p, double scale) {
            if (buffer.length != v.length) buffer = new double[v.length];
            for (int i = 0; i < v.length; i++) buffer[i] = kept(u[i], p) ? v[i] * scale : 0;
            return buffer;
        }
    }

    /** Scales the kept units by (1 + p), a first-order guess at 1 / (1 - p): right only for p = 0. */
    static final class ScalesByOnePlusP extends DropoutReference {
        @Override
        public double[] invertedTrain(double[] x, double[] u, double p) {
            return masked(x, u, p, 1 + p);
        }

        @Override
        public double[] invertedBackward(double[] upstream, double[] u, double p) {
            return masked(upstream, u, p, 1 + p);
        }
    }
}
