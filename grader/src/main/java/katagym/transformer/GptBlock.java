package katagym.transformer;

/** A pre-LN GPT-2 decoder block on one sequence. Kata {@code gpt-block}. */
public interface GptBlock {

    /**
     * The block's parameters, PyTorch Linear layout (weight {@code [out][in]}), d = model width:
     * LayerNorms {@code ln1Gamma, ln1Beta, ln2Gamma, ln2Beta [d]}; attention {@code wqkv[3d][d]},
     * {@code bqkv[3d]} (rows 0..d-1 give q, d..2d-1 k, 2d..3d-1 v), {@code wo[d][d]}, {@code bo[d]};
     * MLP {@code wfc[hidden][d]}, {@code bfc[hidden]}, {@code wproj[d][hidden]}, {@code bproj[d]}.
     * {@code numHeads} divides d.
     */
    record Weights(int numHeads,
                   double[] ln1Gamma, double[] ln1Beta, double[][] wqkv, double[] bqkv, double[][] wo, double[] bo,
                   double[] ln2Gamma, double[] ln2Beta, double[][] wfc, double[] bfc, double[][] wproj, double[] bproj) {}

    /**
     * {@code x[n][d]} to {@code y[n][d]}: {@code x1 = x + attn(LN1(x))} with causal multi-head attention
     * (heads of d/numHeads contiguous columns, scale 1/sqrt(d/numHeads)), then
     * {@code y = x1 + proj(gelu_tanh(fc(LN2(x1))))}. LayerNorm: biased variance, eps 1e-5.
     * GELU: the tanh approximation. Modifies nothing.
     */
    double[][] forward(double[][] x, Weights w);
}
