package katagym.losses;

/**
 * Entropies and mutual information of two discrete variables from their joint probability table,
 * in nats. Kata {@code entropy-mutual-information}.
 *
 * <p>{@code joint[x][y] = P(X = x, Y = y)}: a rectangular table with at least one row and one column,
 * entries >= 0 summing to 1 (some may be exactly 0). Rows index X, columns index Y. Entropies use the
 * convention 0 log 0 = 0. No method modifies its argument.
 */
public interface EntropyMutualInformation {
    /** {@code H(X) = -sum_x p(x) log p(x)} with the row marginal {@code p(x) = sum_y joint[x][y]}. */
    double entropyX(double[][] joint);

    /** {@code H(Y) = -sum_y p(y) log p(y)} with the column marginal {@code p(y) = sum_x joint[x][y]}. */
    double entropyY(double[][] joint);

    /** {@code H(X, Y) = -sum_{x,y} joint[x][y] log joint[x][y]}. */
    double jointEntropy(double[][] joint);

    /** {@code I(X; Y) = H(X) + H(Y) - H(X, Y)} (equivalently {@code sum joint log(joint / (p(x) p(y)))}). */
    double mutualInformation(double[][] joint);
}
