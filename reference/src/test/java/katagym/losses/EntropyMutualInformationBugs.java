package katagym.losses;

/** Plausible learner bugs the entropy-mutual-information spec must catch. */
final class EntropyMutualInformationBugs {
    private EntropyMutualInformationBugs() {}

    /** I(X; Y) = H(X, Y) - H(X) - H(Y): the sign flipped, so I <= 0. */
    static final class MutualInformationWrongSign extends EntropyMutualInformationReference {
        @Override
        public double mutualInformation(double[][] joint) {
            return jointEntropy(joint) - entropyX(joint) - entropyY(joint);
        }
    }

    /** Marginalises X over the wrong axis: sums each column instead of each row. */
    static final class MarginalOfXOverTheWrongAxis extends EntropyMutualInformationReference {
        @Override
        public double entropyX(double[][] joint) {
            return entropy(columnSums(joint));
        }
    }

    /** No 0 log 0 = 0 convention in the joint entropy: an empty cell gives NaN. */
    static final class EmptyCellGivesNaN extends EntropyMutualInformationReference {
        @Override
        public double jointEntropy(double[][] joint) {
            double h = 0;
            for (double[] row : joint) for (double v : row) h -= v * Math.log(v);
            return h;
        }
    }

    /** Mutual information as sum p(x, y) log p(x, y) / p(x): the p(y) is forgotten (that is -H(Y | X)). */
    static final class ForgetsTheMarginalOfY extends EntropyMutualInformationReference {
        @Override
        public double mutualInformation(double[][] joint) {
            double[] px = rowSums(joint);
            double i = 0;
            for (int x = 0; x < joint.length; x++) {
                for (double v : joint[x]) if (v > 0) i += v * Math.log(v / px[x]);
            }
            return i;
        }
    }
}
