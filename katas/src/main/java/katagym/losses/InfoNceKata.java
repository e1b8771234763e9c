package katagym.losses;

import katagym.NotImplementedYet;

/**
 * Kata {@code info-nce}: InfoNCE / SimCSE with in-batch negatives, cosine similarity and a temperature,
 * with the gradients for both embedding matrices.
 * Statement: katas/src/main/resources/statements/info-nce.md ({@code ./kata show info-nce}).
 */
public final class InfoNceKata implements InfoNce {

    /**
     * Returns {@code (1/N) sum_i -log_softmax(s[i])[i]} with {@code s[i][j] = cos(q_i, k_j) / temperature}.
     * Must not modify its arguments.
     */
    @Override
    public double loss(double[][] queries, double[][] keys, double temperature) {
        throw new NotImplementedYet("InfoNceKata.loss");
    }

    /** Returns new arrays with d loss / d queries and d loss / d keys; remember the normalisation. */
    @Override
    public Gradients gradients(double[][] queries, double[][] keys, double temperature) {
        throw new NotImplementedYet("InfoNceKata.gradients");
    }
}
