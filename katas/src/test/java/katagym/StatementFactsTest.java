package katagym;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import katagym.activations.Gelu;
import katagym.grader.run.ProjectRoot;
import org.junit.jupiter.api.Test;

/**
 * Numbers the statements and topic pages state, computed here and looked up in the text: a statement
 * that drifts from the mathematics fails this test instead of misleading a learner.
 */
class StatementFactsTest {
    static final Path RESOURCES = ProjectRoot.find().resolve("katas/src/main/resources");

    static String page(String path) throws IOException {
        return Files.readString(RESOURCES.resolve(path), StandardCharsets.UTF_8);
    }

    static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    static double siluPrime(double x) {
        double s = sigmoid(x);
        return s * (1 + x * (1 - s));
    }

    @Test
    void siluDecreasesForEveryXBelowItsMinimumAndTheStatementSaysWhere() throws IOException {
        double lo = -2, hi = -1; // siluPrime(-2) < 0 < siluPrime(-1)
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (siluPrime(mid) < 0) lo = mid; else hi = mid;
        }
        String silu = page("statements/silu.md");
        assertThat(fixed(lo, 4)).isEqualTo("-1.2785");
        assertThat(silu).contains("negative for every $x < " + fixed(lo, 4) + "$")
                .contains("\\text{silu}'(-2) = " + fixed(siluPrime(-2), 4))
                .doesNotContain("x < -2.4$");
        double argmin = -2.4, min = 0;
        for (double x = -5; x < 0; x += 1e-4) if (siluPrime(x) < min) { min = siluPrime(x); argmin = x; }
        assertThat(silu).contains("about $" + fixed(min, 4) + "$, near $x \\approx " + fixed(argmin, 2) + "$");
    }

    static double gelu(double x) { return 0.5 * x * (1 + Gelu.erf(x / Math.sqrt(2))); }

    static double geluTanh(double x) {
        return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
    }

    @Test
    void theTwoGelusDifferByAtMostTheStatedAmountWhereStated() throws IOException {
        double worst = 0, at = 0;
        for (double x = -10; x <= 10; x += 1e-4) {
            double d = Math.abs(gelu(x) - geluTanh(x));
            if (d > worst) { worst = d; at = x; }
        }
        assertThat(worst).isBetween(4.6e-4, 4.8e-4);
        String bound = "4.7 \\times 10^{-4}";
        String where = "\\pm " + fixed(Math.abs(at), 2);
        assertThat(fixed(Math.abs(at), 2)).isEqualTo("2.70");
        assertThat(page("statements/gelu.md")).contains(bound).contains(where);
        assertThat(page("statements/gpt-block.md")).contains(bound).contains(where).doesNotContain("about $10^{-3}$");
    }

    @Test
    void theSwitchBalanceLossFallsBelowOneWithAnUnbalancedLoad() throws IOException {
        double[][] logits = {{Math.log(0.51), Math.log(0.49)}, {Math.log(0.51), Math.log(0.49)}, {0, 40}};
        int experts = 2, tokens = logits.length;
        double[] f = new double[experts], p = new double[experts];
        for (double[] row : logits) {
            double m = Math.max(row[0], row[1]);
            double z = Math.exp(row[0] - m) + Math.exp(row[1] - m);
            for (int e = 0; e < experts; e++) p[e] += Math.exp(row[e] - m) / z / tokens;
            f[row[1] > row[0] ? 1 : 0] += 1.0 / tokens;
        }
        double loss = experts * (f[0] * p[0] + f[1] * p[1]);
        assertThat(fixed(loss, 3)).isEqualTo("0.893");
        assertThat(fixed(p[0], 2) + ", " + fixed(p[1], 2)).isEqualTo("0.34, 0.66");
        String gating = page("statements/top-k-gating.md");
        assertThat(gating).contains("= " + fixed(loss, 3) + "$").contains("$P = [0.34, 0.66]$")
                .doesNotContain("its minimum for balanced load").doesNotContain("the original Shazeer et al. gating");
        assertThat(gating).contains("\\operatorname{Softmax}(\\operatorname{KeepTopK}(H(x), k))");
    }

    @Test
    void smallerFactsOfTheFixedStatements() throws IOException {
        // MSE: a residual of 100 weighs 10^4 in the loss and 100 in the gradient
        assertThat(100.0 * 100 / (1 * 1)).isEqualTo(1e4);
        assertThat(page("statements/mse.md")).contains("$10^4$ times").contains("100 times harder").doesNotContain("10,000 times harder");
        // GRPO: the sample std is larger by sqrt(G/(G-1)), so G = 2 advantages shrink to 0.71
        assertThat(fixed(Math.sqrt(1.0 / 2), 2)).isEqualTo("0.71");
        assertThat(page("statements/grpo-objective.md")).contains("TRL's").contains("verl").contains("$\\pm 0.71$")
                .doesNotContain("The reference implementations normalise with the population");
        // BatchNorm after dropout (keep 0.5, unit variance): running variance 2, inference std 1/sqrt(2)
        double q = 0.5, trainVar = (1 + 0) / q - 0;
        assertThat(trainVar).isEqualTo(2.0);
        assertThat(page("statements/batch-norm.md")).contains("the running variance is 2").contains("$1/\\sqrt2 \\approx " + fixed(1 / Math.sqrt(trainVar), 2) + "$");
        assertThat(page("statements/relu.md")).contains("2/(\\text{fan\\_in} + \\text{fan\\_out})").doesNotContain("Xavier's $1/\\text{fan\\_in}$");
        assertThat(page("statements/multi-head-self-attention.md")).contains("Q, K and V projections").doesNotContain("Q and K projections");
        assertThat(page("statements/quick-sort.md")).contains("ipnsort since\n  1.81");
        assertThat(page("statements/reward-model-loss.md")).contains("demonstrations (the SFT data) score 0 on average");
        assertThat(page("statements/rope.md")).contains("**per frequency**").contains("**attention temperature**");
        assertThat(page("statements/l1-l2-regularization.md")).contains("nanoGPT decays");
    }

    @Test
    void numbersOfTheTopicPages() throws IOException {
        // 6ND for GPT-3, and Chinchilla's N = sqrt(C / 120)
        assertThat(String.format(Locale.ROOT, "%.2f", 6 * 175e9 * 300e9 / 1e23)).isEqualTo("3.15");
        assertThat(page("topics/compute-and-memory.md")).contains("3.15\n\\cdot 10^{23}").contains("0.54");
        assertThat(6 * 70e9 * 4e5 / (1000 * 312e12)).isBetween(0.535, 0.545);
        // KV-cache bytes per token
        assertThat(2L * 32 * 32 * 128 * 2).isEqualTo(524_288);
        assertThat(2L * 80 * 8 * 128 * 2).isEqualTo(327_680);
        assertThat(page("topics/serving.md")).contains("524{,}288").contains("327{,}680");
        // GPipe bubble
        assertThat(fixed(3.0 / 11, 2)).isEqualTo("0.27");
        assertThat(page("topics/parallelism.md")).contains("$3/11 \\approx 27\\%$").contains("$3/35 \\approx 8.6\\%$");
        // expert capacity and the z-loss
        assertThat(1.25 * 2 * 4096 / 64).isEqualTo(160.0);
        double lse = 10 + Math.log1p(3 * Math.exp(-10));
        assertThat(fixed(lse, 5)).isEqualTo("10.00014");
        assertThat(fixed(Math.log(Math.E + 3), 2)).isEqualTo("1.74");
        assertThat(page("topics/moe-at-scale.md")).contains("= 160$ tokens").contains("10.00014").contains("1.74");
        // RLOO with rewards [1, 0, 0, 1]; the adaptive KL step
        assertThat(fixed(1 - 1.0 / 3, 3)).isEqualTo("0.667");
        assertThat(fixed(0.1 * (1 + 0.1 * Math.min(0.2, (9.0 - 6) / 6)), 3)).isEqualTo("0.102");
        assertThat(page("topics/rl-for-llms.md")).contains("[0.667, -0.667, -0.667, 0.667]").contains("0.102");
        // ECE and temperature scaling examples
        assertThat(2.0 / 4 * Math.abs(0.5 - 0.9) + 2.0 / 4 * Math.abs(1 - 0.6)).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(fixed(sigmoid(2), 3) + ", " + fixed(sigmoid(1), 3)).isEqualTo("0.881, 0.731");
        assertThat(page("topics/calibration.md")).contains("ECE $= 0.2 + 0.2 = 0.4$").contains("$[0.881, 0.119]$").contains("$[0.731, 0.269]$");
    }
}
