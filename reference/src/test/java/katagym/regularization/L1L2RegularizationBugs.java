package katagym.regularization;

/** Plausible learner bugs the l1-l2-regularization spec must catch. */
final class L1L2RegularizationBugs {
    private L1L2RegularizationBugs() {}

    /** Applies weight decay (the L2 term) to the biases as well, in the penalty and the gradient. */
    static final class DecaysTheBias extends L1L2RegularizationReference {
        @Override
        public double penalty(double[] weights, double[] biases, double l1, double l2) {
            double sq = 0;
            for (double b : biases) sq += b * b;
            return super.penalty(weights, biases, l1, l2) + 0.5 * l2 * sq;
        }

        @Override
        public Gradients gradient(double[] weights, double[] biases, double l1, double l2) {
            double[] db = new double[biases.length];
            for (int i = 0; i < db.length; i++) db[i] = l2 * biases[i];
            return new Gradients(super.gradient(weights, biases, l1, l2).dWeights(), db);
        }
    }

    /** Drops the 1/2 of the L2 penalty but keeps the gradient l2 * w: the two no longer agree. */
    static final class L2PenaltyWithoutTheHalf extends L1L2RegularizationReference {
        @Override
        public double penalty(double[] weights, double[] biases, double l1, double l2) {
            double abs = 0, sq = 0;
            for (double w : weights) { abs += Math.abs(w); sq += w * w; }
            return l1 * abs + l2 * sq;
        }
    }

    /** Uses w >= 0 ? 1 : -1 for the L1 subgradient, so a zero weight is still pushed. */
    static final class SignOfZeroIsOne extends L1L2RegularizationReference {
        @Override
        public Gradients gradient(double[] weights, double[] biases, double l1, double l2) {
            double[] dw = new double[weights.length];
            for (int i = 0; i < dw.length; i++) dw[i] = l1 * (weights[i] >= 0 ? 1 : -1) + l2 * weights[i];
            return new Gradients(dw, new double[biases.length]);
        }
    }

    /** Writes the L1 subgradient as w / |w|, which is 0 / 0 = NaN for a zero weight. */
    static final class SignAsWOverAbsW extends L1L2RegularizationReference {
        @Override
        public Gradients gradient(double[] weights, double[] biases, double l1, double l2) {
            double[] dw = new double[weights.length];
            for (int i = 0; i < dw.length; i++) dw[i] = l1 * weights[i] / Math.abs(weights[i]) + l2 * weights[i];
            return new Gradients(dw, new double[biases.length]);
        }
    }

    /** Returns one zero array for dBiases, kept in a field: a caller accumulating into it corrupts every later result. */
    static final class ReusesTheZeroBiasGradient extends L1L2RegularizationReference {
        private double[] zeros = new double[0];

        @Override
        public Gradients gradient(double[] weights, double[] biases, double l1, double l2) {
            if (zeros.length != biases.length) zeros = new double[biases.length];
            return new Gradients(super.gradient(weights, biases, l1, l2).dWeights(), zeros);
        }
    }

    /** Allocates dBiases with the weights' length (copy-paste of the line above). */
    static final class BiasGradientShapedLikeTheWeights extends L1L2RegularizationReference {
        @Override
        public Gradients gradient(double[] weights, double[] biases, double l1, double l2) {
            return new Gradients(super.gradient(weights, biases, l1, l2).dWeights(), new double[weights.length]);
        }
    }

    /** Uses l2 * sum w^2 and its gradient 2 l2 w: consistent, but not the contract's (l2 / 2) sum w^2. */
    static final class NoHalfAnywhere extends L1L2RegularizationReference {
        @Override
        public double penalty(double[] weights, double[] biases, double l1, double l2) {
            return super.penalty(weights, biases, l1, 2 * l2);
        }

        @Override
        public Gradients gradient(double[] weights, double[] biases, double l1, double l2) {
            return super.gradient(weights, biases, l1, 2 * l2);
        }
    }
}
