package katagym.losses;

import katagym.NotImplementedYet;

/**
 * Kata {@code entropy-mutual-information}: H(X), H(Y), H(X, Y) and I(X; Y) from a joint table, in nats.
 * Statement: katas/src/main/resources/statements/entropy-mutual-information.md
 * ({@code ./kata show entropy-mutual-information}).
 */
public final class EntropyMutualInformationKata implements EntropyMutualInformation {

    /** Returns the entropy of the row marginal {@code p(x) = sum_y joint[x][y]}. */
    @Override
    public double entropyX(double[][] joint) {
        throw new NotImplementedYet("EntropyMutualInformationKata.entropyX");
    }

    /** Returns the entropy of the column marginal {@code p(y) = sum_x joint[x][y]}. */
    @Override
    public double entropyY(double[][] joint) {
        throw new NotImplementedYet("EntropyMutualInformationKata.entropyY");
    }

    /** Returns {@code -sum joint[x][y] log joint[x][y]} over the nonzero cells. */
    @Override
    public double jointEntropy(double[][] joint) {
        throw new NotImplementedYet("EntropyMutualInformationKata.jointEntropy");
    }

    /** Returns {@code H(X) + H(Y) - H(X, Y)}. */
    @Override
    public double mutualInformation(double[][] joint) {
        throw new NotImplementedYet("EntropyMutualInformationKata.mutualInformation");
    }
}
