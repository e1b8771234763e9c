package katagym.losses;

import katagym.grader.spec.Clause;

/**
 * Entropies and mutual information of two discrete variables from their joint probability table,
 * in nats. Kata {@code entropy-mutual-information}.
 *
 * <p>{@code joint[x][y] = P(X = x, Y = y)}: a rectangular table with at least one row and one column,
 * entries >= 0 summing to 1 (some may be exactly 0). Rows index X, columns index Y. Entropies use the
 * convention 0 log 0 = 0 and add no epsilon (tiny entropies are exact). No method modifies its argument.
 */
@Clause(id = "pure", value = "No method modifies its argument.")
@Clause(id = "shapes", value = "Any rectangular table is valid, one row or one column included; rows index X and columns index Y.")
@Clause(id = "zeroConvention", value = "Empty cells and empty marginals contribute 0 (0 log 0 = 0, never NaN).")
@Clause(id = "noEpsilon", value = "Logs are exact, no epsilon added: the tiny entropies of a nearly deterministic table (a cell of 1e-12) are accurate to 1e-6 relative.")
public interface EntropyMutualInformation {
    /** {@code H(X) = -sum_x p(x) log p(x)} with the row marginal {@code p(x) = sum_y joint[x][y]}. */
    @Clause(id = "entropyXValue", value = "entropyX = H(X) = -sum_x p(x) log p(x) with p(x) the row sums.")
    double entropyX(double[][] joint);

    /** {@code H(Y) = -sum_y p(y) log p(y)} with the column marginal {@code p(y) = sum_x joint[x][y]}. */
    @Clause(id = "entropyYValue", value = "entropyY = H(Y) = -sum_y p(y) log p(y) with p(y) the column sums.")
    double entropyY(double[][] joint);

    /** {@code H(X, Y) = -sum_{x,y} joint[x][y] log joint[x][y]}. */
    @Clause(id = "jointEntropyValue", value = "jointEntropy = H(X, Y) = -sum over all cells of joint log joint.")
    double jointEntropy(double[][] joint);

    /** {@code I(X; Y) = H(X) + H(Y) - H(X, Y)} (equivalently {@code sum joint log(joint / (p(x) p(y)))}). */
    @Clause(id = "mutualInformationValue", value = "mutualInformation = I(X; Y) = H(X) + H(Y) - H(X, Y), in nats.")
    double mutualInformation(double[][] joint);
}
