package katagym.losses;

public class EntropyMutualInformationReference implements EntropyMutualInformation {

    /** -sum v log v over the positive entries. */
    static double entropy(double[] probabilities) {
        double h = 0;
        for (double v : probabilities) if (v > 0) h -= v * Math.log(v);
        return h;
    }

    static double[] rowSums(double[][] joint) {
        double[] px = new double[joint.length];
        for (int x = 0; x < joint.length; x++) for (double v : joint[x]) px[x] += v;
        return px;
    }

    static double[] columnSums(double[][] joint) {
        double[] py = new double[joint[0].length];
        for (double[] row : joint) for (int y = 0; y < row.length; y++) py[y] += row[y];
        return py;
    }

    @Override
    public double entropyX(double[][] joint) { return entropy(rowSums(joint)); }

    @Override
    public double entropyY(double[][] joint) { return entropy(columnSums(joint)); }

    @Override
    public double jointEntropy(double[][] joint) {
        double h = 0;
        for (double[] row : joint) h += entropy(row);
        return h;
    }

    @Override
    public double mutualInformation(double[][] joint) {
        return entropyX(joint) + entropyY(joint) - jointEntropy(joint);
    }
}
