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

    /** The "safe log" trick: -v log(v + 1e-12) in every entropy, off by about 1e-12 per cell, all of a tiny entropy. */
    static final class AddsEpsilonInsideTheLog extends EntropyMutualInformationReference {
        private static double safeEntropy(double[] p) {
            double h = 0;
            for (double v : p) h -= v * Math.log(v + 1e-12);
            return h;
        }

        @Override
        public double entropyX(double[][] joint) { return safeEntropy(rowSums(joint)); }

        @Override
        public double entropyY(double[][] joint) { return safeEntropy(columnSums(joint)); }

        @Override
        public double jointEntropy(double[][] joint) {
            double h = 0;
            for (double[] row : joint) h += safeEntropy(row);
            return h;
        }
    }

    /** Sizes the column marginal by the number of rows, as if the table were square. */
    static final class ColumnMarginalSizedByRows extends EntropyMutualInformationReference {
        @Override
        public double entropyY(double[][] joint) {
            double[] py = new double[joint.length];
            for (double[] row : joint) for (int y = 0; y < Math.min(row.length, py.length); y++) py[y] += row[y];
            return entropy(py);
        }
    }

    /** Mutual information as sum joint log(joint / (p(x) p(y))) without skipping empty cells: 0 log 0 gives NaN. */
    static final class MutualInformationWithoutZeroSkip extends EntropyMutualInformationReference {
        @Override
        public double mutualInformation(double[][] joint) {
            double[] px = rowSums(joint), py = columnSums(joint);
            double i = 0;
            for (int x = 0; x < joint.length; x++)
                for (int y = 0; y < joint[x].length; y++) i += joint[x][y] * Math.log(joint[x][y] / (px[x] * py[y]));
            return i;
        }
    }
}
