package katagym.transformer;

import katagym.grader.spec.Clause;

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
     * GELU: the tanh approximation. Returns a new array and modifies nothing.
     */
    @Clause(id = "preLn", value = "Pre-LN: x1 = x + attn(LN1(x)) and y = x1 + proj(gelu_tanh(fc(LN2(x1)))); the residual stream itself is never normalised, and LN2 uses ln2's own gamma and beta.")
    @Clause(id = "layerNorm", value = "LayerNorm per row: (x - mean) / sqrt(biased variance + 1e-5) * gamma + beta (eps inside the square root).")
    @Clause(id = "gelu", value = "The MLP's GELU is the tanh approximation 0.5 z (1 + tanh(sqrt(2/pi) (z + 0.044715 z^3))).")
    @Clause(id = "attention", value = "Causal multi-head attention: head t takes columns t*d/h .. of the q, k and v blocks of qkv = LN1(x) wqkv^T + bqkv, scale 1/sqrt(d/h), token i sees tokens j <= i; then wo, bo.")
    @Clause(id = "stable", value = "Finite and accurate for attention scores of magnitude 1e3.")
    @Clause(id = "shiftStable", value = "Accurate for rows far from zero (an offset of 1e6): the LayerNorm variance is computed after the mean.")
    @Clause(id = "newArray", value = "forward returns a new [n][d] array (never an argument or a buffer reused between calls) and modifies none of its arguments.")
    double[][] forward(double[][] x, Weights w);
}
