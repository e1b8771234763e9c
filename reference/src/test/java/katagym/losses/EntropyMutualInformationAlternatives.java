package katagym.losses;

/** Correct entropy-mutual-information solutions written unlike the reference. */
final class EntropyMutualInformationAlternatives {
    private EntropyMutualInformationAlternatives() {}

    /** The mutual information as KL(joint || p(x) p(y)) = sum joint log(joint / (p(x) p(y))); marginals column-major. */
    static final class KlOfJointFromProductOfMarginals implements EntropyMutualInformation {
        private static double h(double[] v) {
            double s = 0;
            for (double p : v) if (p > 0) s += p * Math.log(p);
            return -s;
        }

        private static double[] px(double[][] joint) {
            double[] px = new double[joint.length];
            for (int x = 0; x < joint.length; x++) { double s = 0; for (double v : joint[x]) s += v; px[x] = s; }
            return px;
        }

        private static double[] py(double[][] joint) {
            double[] py = new double[joint[0].length];
            for (int y = 0; y < py.length; y++) { double s = 0; for (double[] row : joint) s += row[y]; py[y] = s; }
            return py;
        }

        @Override
        public double entropyX(double[][] joint) { return h(px(joint)); }

        @Override
        public double entropyY(double[][] joint) { return h(py(joint)); }

        @Override
        public double jointEntropy(double[][] joint) {
            double s = 0;
            for (double[] row : joint) for (double v : row) if (v > 0) s += v * Math.log(v);
            return -s;
        }

        @Override
        public double mutualInformation(double[][] joint) {
            double[] px = px(joint), py = py(joint);
            double s = 0;
            for (int x = 0; x < joint.length; x++)
                for (int y = 0; y < joint[x].length; y++)
                    if (joint[x][y] > 0) s += joint[x][y] * (Math.log(joint[x][y]) - Math.log(px[x]) - Math.log(py[y]));
            return s;
        }
    }
}
