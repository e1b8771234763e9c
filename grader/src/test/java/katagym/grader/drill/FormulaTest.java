package katagym.grader.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.run.ProjectRoot;
import org.junit.jupiter.api.Test;

/**
 * Every numeric drill that names a {@code formula} has its answer recomputed here from its
 * {@code inputs}: one Java function per formula name. A formula name with no function here, an input
 * a function needs but the drill lacks, or an input it never reads, is a failure, so new data cannot
 * slip through unchecked.
 */
class FormulaTest {
    /** The named inputs of one drill; remembers which were read, so unused (misspelt) inputs are caught. */
    static final class Inputs {
        final Map<String, Double> values;
        final Set<String> read = new HashSet<>();

        Inputs(Map<String, Double> values) { this.values = values; }

        double get(String name) {
            Double v = values.get(name);
            if (v == null) throw new IllegalArgumentException("needs input '" + name + "'");
            read.add(name);
            return v;
        }

        int whole(String name) {
            double v = get(name);
            if (v != Math.rint(v)) throw new IllegalArgumentException("input '" + name + "' must be a whole number, not " + v);
            return (int) v;
        }
    }

    static final Map<String, ToDoubleFunction<Inputs>> FORMULAS = new LinkedHashMap<>();
    static {
        // Var(q·k) for d_k independent unit-variance, zero-mean entries: the variances of the products add
        FORMULAS.put("dot-product-variance", in -> in.get("d_k"));
        // A is r×d_in, B is d_out×r
        FORMULAS.put("lora-params", in -> in.get("r") * (in.get("d_in") + in.get("d_out")));
        // square d_model×d_model matrices, a pair of low-rank factors each
        FORMULAS.put("lora-params-model", in -> in.get("layers") * in.get("matrices_per_layer") * 2 * in.get("d_model") * in.get("r"));
        // ZeRO: stage 1 shards the optimizer state, 2 also the gradients, 3 also the parameters
        FORMULAS.put("zero-bytes-per-param", in -> {
            int stage = in.whole("stage");
            double n = in.get("ranks"), p = in.get("bytes_params"), g = in.get("bytes_grads"), o = in.get("bytes_optimizer");
            return switch (stage) {
                case 0 -> p + g + o;
                case 1 -> p + g + o / n;
                case 2 -> p + (g + o) / n;
                case 3 -> (p + g + o) / n;
                default -> throw new IllegalArgumentException("ZeRO stage must be 0 to 3, not " + stage);
            };
        });
        // a key and a value per layer and KV head
        FORMULAS.put("kv-cache-bytes-per-token", in -> 2 * in.get("layers") * in.get("kv_heads") * in.get("head_dim") * in.get("bytes_per_value"));
        // QK^T and AV: n²d multiply-adds each, 2 FLOPs per multiply-add
        FORMULAS.put("attention-flops", in -> 4 * in.get("n") * in.get("n") * in.get("d"));
        // forward 2·N·D, backward 4·N·D
        FORMULAS.put("training-flops", in -> 6 * in.get("params") * in.get("tokens"));
        // GPipe: p-1 idle slots out of m+p-1
        FORMULAS.put("pipeline-bubble", in -> (in.get("p") - 1) / (in.get("m") + in.get("p") - 1));
        // reduce-scatter then all-gather, each sending (n-1)/n of the buffer
        FORMULAS.put("ring-allreduce-bytes-per-rank", in -> 2 * (in.get("n") - 1) / in.get("n") * in.get("bytes"));
        // the score matrix: n×n per head and example
        FORMULAS.put("attention-score-bytes", in -> in.get("batch") * in.get("heads") * in.get("n") * in.get("n") * in.get("bytes_per_value"));
        // causal sliding window of w keys (the query included): the first w rows are a triangle, every later row has w
        FORMULAS.put("sliding-window-pairs", in -> {
            long n = in.whole("n"), w = in.whole("w");
            return n <= w ? n * (n + 1) / 2 : n * w - w * (w - 1) / 2;
        });
        // K choose 2 comparisons of K ranked responses
        FORMULAS.put("ranking-pairs", in -> in.get("k") * (in.get("k") - 1) / 2);
        // an expert takes at most ceil(capacity factor × k × tokens / experts) tokens
        FORMULAS.put("moe-capacity", in -> Math.ceil(in.get("capacity_factor") * in.get("k") * in.get("tokens") / in.get("experts")));
        // C = 6·N·D with D = r·N (r tokens per parameter): N = sqrt(C / 6r), D = r·N
        FORMULAS.put("chinchilla-tokens", in -> in.get("tokens_per_param") * Math.sqrt(in.get("compute") / (6 * in.get("tokens_per_param"))));
        // 6·N·D FLOPs at MFU × peak per GPU, in days
        FORMULAS.put("training-days", in -> 6 * in.get("params") * in.get("tokens")
                / (in.get("gpus") * in.get("peak_flops_per_gpu") * in.get("mfu")) / 86400);
        // model FLOPs per second achieved over the hardware's peak
        FORMULAS.put("mfu", in -> 6 * in.get("params") * in.get("tokens_per_second") / (in.get("gpus") * in.get("peak_flops_per_gpu")));
    }

    /** The problems of the numeric drills with a formula: unknown names, missing or unused inputs, answers off. */
    static List<String> problems(List<Drill> drills) {
        List<String> out = new ArrayList<>();
        for (Drill d : drills) {
            if (d.kind() != Drill.Kind.NUMERIC || d.formula() == null) continue;
            String where = d.file() + ": drill '" + d.id() + "': formula '" + d.formula() + "'";
            ToDoubleFunction<Inputs> f = FORMULAS.get(d.formula());
            if (f == null) {
                out.add(where + " has no Java function in FormulaTest.FORMULAS (known: " + String.join(", ", FORMULAS.keySet()) + ")");
                continue;
            }
            Inputs in = new Inputs(d.inputs());
            double expected;
            try {
                expected = f.applyAsDouble(in);
            } catch (IllegalArgumentException e) {
                out.add(where + ": " + e.getMessage());
                continue;
            }
            Set<String> unused = new HashSet<>(d.inputs().keySet());
            unused.removeAll(in.read);
            if (!unused.isEmpty()) out.add(where + " does not use input(s) " + unused);
            double tolerance = Math.max(d.tolerance(), 1e-9) * Math.abs(expected);
            if (!(Math.abs(expected - d.value()) <= tolerance)) {
                out.add(where + ": the answer is " + d.value() + " but the formula gives " + expected);
            }
        }
        return out;
    }

    static Drill numeric(String formula, Map<String, Double> inputs, double answer) {
        return new Drill("probe", "attention", "attention.yaml", List.of("A2"), Drill.Kind.NUMERIC, "q", List.of(), List.of(), List.of(),
                answer, 0.001, "", formula, inputs, "e", "scaled-dot-product-attention");
    }

    @Test
    void theFormulasReproduceHandWorkedValues() {
        assertThat(problems(List.of(
                numeric("dot-product-variance", Map.of("d_k", 64.0), 64),
                numeric("lora-params", Map.of("d_in", 4096.0, "d_out", 4096.0, "r", 8.0), 65_536),
                numeric("lora-params-model", Map.of("d_model", 4096.0, "r", 16.0, "layers", 32.0, "matrices_per_layer", 2.0), 8_388_608),
                // mixed precision with Adam: 2 + 2 + 12 bytes per parameter, 64 ranks
                numeric("zero-bytes-per-param", Map.of("stage", 0.0, "ranks", 64.0, "bytes_params", 2.0, "bytes_grads", 2.0, "bytes_optimizer", 12.0), 16),
                numeric("zero-bytes-per-param", Map.of("stage", 1.0, "ranks", 64.0, "bytes_params", 2.0, "bytes_grads", 2.0, "bytes_optimizer", 12.0), 4.1875),
                numeric("zero-bytes-per-param", Map.of("stage", 2.0, "ranks", 64.0, "bytes_params", 2.0, "bytes_grads", 2.0, "bytes_optimizer", 12.0), 2.21875),
                numeric("zero-bytes-per-param", Map.of("stage", 3.0, "ranks", 64.0, "bytes_params", 2.0, "bytes_grads", 2.0, "bytes_optimizer", 12.0), 0.25),
                // Llama-2-7B-like: 32 layers, 32 KV heads of 128, fp16
                numeric("kv-cache-bytes-per-token", Map.of("layers", 32.0, "kv_heads", 32.0, "head_dim", 128.0, "bytes_per_value", 2.0), 524_288),
                numeric("attention-flops", Map.of("n", 1024.0, "d", 64.0), 268_435_456),
                numeric("training-flops", Map.of("params", 7e9, "tokens", 2e12), 8.4e22),
                numeric("pipeline-bubble", Map.of("p", 4.0, "m", 8.0), 3.0 / 11),
                numeric("ring-allreduce-bytes-per-rank", Map.of("n", 8.0, "bytes", 1e9), 1.75e9)))).isEmpty();
    }

    @Test
    void aFormulaWithNoJavaFunctionAMissingOrUnusedInputAndAWrongAnswerAreEachCaught() {
        assertThat(problems(List.of(numeric("no-such-formula", Map.of("x", 1.0), 1))))
                .singleElement().asString().contains("formula 'no-such-formula' has no Java function");
        assertThat(problems(List.of(numeric("attention-flops", Map.of("n", 1024.0), 1))))
                .singleElement().asString().contains("needs input 'd'");
        assertThat(problems(List.of(numeric("dot-product-variance", Map.of("d_k", 64.0, "dk", 64.0), 64))))
                .singleElement().asString().contains("does not use input(s) [dk]");
        assertThat(problems(List.of(numeric("attention-flops", Map.of("n", 1024.0, "d", 64.0), 2 * 1024 * 1024 * 64))))
                .singleElement().asString().contains("the formula gives 2.68435456E8");
    }

    @Test
    void theEngineFixtureDrillsMatchTheirFormulas() {
        List<Drill> fixtures = DrillsTest.fixtures().all();
        assertThat(fixtures.stream().filter(d -> d.formula() != null)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(problems(fixtures)).isEmpty();
    }

    @Test
    void everyDrillWithAFormulaInTheDataMatchesIt() {
        List<Drill> data = Drills.load(ProjectRoot.find(), Catalogue.standard()).all();
        assertThat(problems(data)).as("numeric drills whose formula disagrees with their answer").isEmpty();
    }
}
