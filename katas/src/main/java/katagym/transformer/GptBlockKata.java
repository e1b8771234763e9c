package katagym.transformer;

import katagym.NotImplementedYet;

/**
 * Kata {@code gpt-block}: a pre-LN GPT-2 decoder block.
 * Statement: katas/src/main/resources/statements/gpt-block.md ({@code ./kata show gpt-block}).
 */
public final class GptBlockKata implements GptBlock {

    /**
     * Returns {@code y[n][d]}: {@code x1 = x + attn(LN1(x))} (causal multi-head attention, qkv from
     * {@code wqkv}/{@code bqkv}, output through {@code wo}/{@code bo}), then
     * {@code y = x1 + wproj(gelu_tanh(wfc(LN2(x1)) + bfc)) + bproj}. LayerNorm eps 1e-5, biased variance.
     */
    @Override
    public double[][] forward(double[][] x, Weights w) {
        throw new NotImplementedYet("GptBlockKata.forward");
    }
}
