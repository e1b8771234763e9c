package katagym.llminference;

import katagym.NotImplementedYet;

/**
 * Kata {@code speculative-decoding}: accept/reject drafted tokens so that the output follows the target model exactly.
 * Statement: katas/src/main/resources/statements/speculative-decoding.md ({@code ./kata show speculative-decoding}).
 */
public final class SpeculativeDecodingKata implements SpeculativeDecoding {

    /** Returns {@code min(1, p[token] / q[token])}. */
    @Override
    public double acceptanceProbability(double[] p, double[] q, int token) {
        throw new NotImplementedYet("SpeculativeDecodingKata.acceptanceProbability");
    }

    /** Returns {@code max(0, p - q)} normalised to sum 1 (a copy of p if it is all zero). */
    @Override
    public double[] residual(double[] p, double[] q) {
        throw new NotImplementedYet("SpeculativeDecodingKata.residual");
    }

    /**
     * Accepts {@code draft[i]} while {@code acceptU[i] < acceptanceProbability(p[i], q[i], draft[i])};
     * at the first rejection appends a token sampled with {@code sampleU} from the residual and stops;
     * if all are accepted appends a bonus token sampled with {@code sampleU} from {@code p[k]}.
     * Sampling = first index whose cumulative probability exceeds the uniform.
     */
    @Override
    public int[] verify(double[][] p, double[][] q, int[] draft, double[] acceptU, double sampleU) {
        throw new NotImplementedYet("SpeculativeDecodingKata.verify");
    }
}
