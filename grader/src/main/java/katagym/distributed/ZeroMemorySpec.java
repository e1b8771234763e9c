package katagym.distributed;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.that;
import static katagym.grader.check.Checks.throwsOn;

import java.util.List;
import katagym.grader.prop.Gen;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class ZeroMemorySpec implements KataSpec<ZeroMemory> {

    /** A model of {@code parameters} parameters trained on {@code gpus} GPUs with K optimizer bytes per parameter. */
    record Case(long parameters, int gpus, int optimizerBytesPerParam) {}

    static Gen<Case> cases() {
        return s -> {
            // small counts, counts past the int range up to 1e12, and now and then up to 1e16 parameters
            long psi = s.chance(0.5) ? s.intBetween(0, 1000)
                    : s.chance(0.8) ? 1 + s.choice(1_000_000_000_000L) : 1 + s.choice(10_000_000_000_000_000L);
            int gpus = s.chance(0.2) ? 1 : s.intBetween(2, 1024);
            int k = s.chance(0.5) ? 12 : s.intBetween(1, 16);
            return new Case(psi, gpus, k);
        };
    }

    static String stageName(int stage) { return stage == 0 ? "DDP" : "ZeRO-" + stage; }

    static ZeroMemory.Bytes at(ZeroMemory m, int stage, Case c) {
        ZeroMemory.Bytes b = m.perGpu(stage, c.parameters(), c.gpus(), c.optimizerBytesPerParam());
        that(b != null, () -> stageName(stage) + ": perGpu returned null");
        return b;
    }

    @Override
    public Class<ZeroMemory> contract() { return ZeroMemory.class; }

    @Override
    public List<Check<ZeroMemory>> checks() {
        return List.of(
            Check.<ZeroMemory>oracle("everyStageMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                for (int stage = 0; stage <= 3; stage++) {
                    ZeroMemory.Bytes e = at(ctx.oracle(), stage, c), a = at(ctx.subject(), stage, c);
                    String n = stageName(stage);
                    close(n + " parameter bytes", e.parameters(), a.parameters());
                    close(n + " gradient bytes", e.gradients(), a.gradients());
                    close(n + " optimizer-state bytes", e.optimizerStates(), a.optimizerStates());
                }
            }))
                .enforces("ddpBytes", "stagePartitions", "realDivision", "largeCounts").hint("Start from (2 Psi, 2 Psi, K Psi) in double and divide by Nd: optimizer from stage 1, gradients from stage 2, parameters at stage 3."),

            Check.<ZeroMemory>invariant("ddpHoldsTwoPlusTwoPlusKBytesPerParameter", ctx -> ctx.forAll(cases(), c -> {
                ZeroMemory.Bytes b = at(ctx.subject(), 0, c);
                double psi = c.parameters();
                close("DDP parameter bytes (fp16: 2 per parameter)", 2 * psi, b.parameters());
                close("DDP gradient bytes (fp16: 2 per parameter)", 2 * psi, b.gradients());
                close("DDP optimizer-state bytes (K per parameter)", c.optimizerBytesPerParam() * psi, b.optimizerStates());
            })).hint("Mixed-precision Adam keeps fp16 weights (2 bytes), fp16 gradients (2 bytes) and K = 12 bytes of fp32 states per parameter.")
                .enforces("ddpBytes", "largeCounts"),

            Check.<ZeroMemory>invariant("eachStagePartitionsExactlyItsStates", ctx -> ctx.forAll(cases(), c -> {
                ZeroMemory.Bytes full = at(ctx.subject(), 0, c);
                double nd = c.gpus();
                for (int stage = 1; stage <= 3; stage++) {
                    ZeroMemory.Bytes b = at(ctx.subject(), stage, c);
                    String n = stageName(stage);
                    close(n + " optimizer-state bytes (partitioned from stage 1)", full.optimizerStates() / nd, b.optimizerStates());
                    close(n + " gradient bytes (" + (stage >= 2 ? "partitioned" : "replicated") + " at this stage)",
                            stage >= 2 ? full.gradients() / nd : full.gradients(), b.gradients());
                    close(n + " parameter bytes (" + (stage >= 3 ? "partitioned" : "replicated") + " at this stage)",
                            stage >= 3 ? full.parameters() / nd : full.parameters(), b.parameters());
                }
            })).hint("Stage 1 partitions the optimizer states, stage 2 adds the gradients, only stage 3 partitions the parameters.")
                .enforces("stagePartitions", "realDivision"),

            Check.<ZeroMemory>invariant("memoryNeverGrowsWithTheStage", ctx -> ctx.forAll(cases(), c -> {
                double prev = Double.POSITIVE_INFINITY;
                for (int stage = 0; stage <= 3; stage++) {
                    double t = at(ctx.subject(), stage, c).total();
                    double p = prev;
                    int st = stage;
                    that(t <= p, () -> stageName(st) + " needs " + t + " bytes, more than the stage before (" + p + ")");
                    prev = t;
                }
            }))
                .enforces("stagePartitions").hint("Each stage partitions one more state, so its total can only shrink (or stay equal on one GPU)."),

            Check.<ZeroMemory>invariant("oneGpuGivesDdpForEveryStage", ctx -> ctx.forAll(cases(), c0 -> {
                Case c = new Case(c0.parameters(), 1, c0.optimizerBytesPerParam());
                ZeroMemory.Bytes ddp = at(ctx.subject(), 0, c);
                close("DDP total on 1 GPU", (4.0 + c.optimizerBytesPerParam()) * c.parameters(), ddp.total());
                for (int stage = 1; stage <= 3; stage++) {
                    close(stageName(stage) + " total on 1 GPU (nothing to partition over)", ddp.total(), at(ctx.subject(), stage, c).total());
                }
            }))
                .enforces("stagePartitions", "ddpBytes").hint("Dividing by Nd = 1 changes nothing: on one GPU every stage costs (4 + K) Psi bytes."),

            Check.<ZeroMemory>invariant("rejectsAStageOutsideZeroToThree", ctx -> {
                for (int stage : new int[] {-1, 4, 7}) {
                    ctx.example("stage = " + stage + ", 1000 parameters, 8 GPUs, K = 12", () ->
                        throwsOn("perGpu(" + stage + ", 1000, 8, 12)", IllegalArgumentException.class, "ZeRO has stages 0 (DDP) to 3 only",
                                () -> ctx.subject().perGpu(stage, 1000, 8, 12)));
                }
            }).enforces("rejectsUnknownStage")
                .hint("Check 0 <= stage <= 3 first and throw IllegalArgumentException; stage >= 3 alone lets stage 4 pass as ZeRO-3."),

            Check.<ZeroMemory>example("handWorkedLargeAndIndivisibleCounts", ctx -> {
                ctx.example("3e9 parameters (past Integer.MAX_VALUE), 1 GPU, K = 12, DDP: 48e9 bytes", () ->
                    close("DDP total", 48e9, ctx.subject().perGpu(0, 3_000_000_000L, 1, 12).total()));
                ctx.example("1e15 parameters, 8 GPUs, K = 12, ZeRO-3: 16e15 / 8 = 2e15 bytes", () ->
                    close("ZeRO-3 total", 2e15, ctx.subject().perGpu(3, 1_000_000_000_000_000L, 8, 12).total()));
                ctx.example("7 parameters, 2 GPUs, K = 12, ZeRO-1: optimizer states 84 / 2 = 42, ZeRO-3 total 112 / 2 = 56; 3 GPUs: 112 / 3", () -> {
                    close("ZeRO-1 optimizer-state bytes", 42.0, ctx.subject().perGpu(1, 7, 2, 12).optimizerStates());
                    close("ZeRO-3 total on 3 GPUs (a real number, not rounded)", 112.0 / 3, ctx.subject().perGpu(3, 7, 3, 12).total());
                });
            }).enforces("largeCounts", "realDivision", "ddpBytes")
                .hint("Compute in double from the start ((double) parameters): int products overflow past 2^31, long division rounds down."),

            Check.<ZeroMemory>golden("reproducesTheZeroPaperFigure", ctx ->
                ctx.example("7.5B parameters, 64 GPUs, K = 12 (ZeRO paper, Fig. 1: 120 GB, 31.4 GB, 16.6 GB, 1.9 GB)", () -> {
                    double[] gb = {120.0, 31.4, 16.6, 1.9};
                    for (int stage = 0; stage <= 3; stage++) {
                        double total = ctx.subject().perGpu(stage, 7_500_000_000L, 64, 12).total();
                        double rounded = Math.round(total / 1e8) / 10.0;
                        close(stageName(stage) + " GB per GPU (1 GB = 1e9 bytes, one decimal)", gb[stage], rounded);
                    }
                }))
                .enforces("ddpBytes", "stagePartitions", "largeCounts").hint("7.5B parameters on 64 GPUs: 120 GB for DDP; ZeRO-1 2 Psi + 2 Psi + 12 Psi / 64 = 31.4 GB."),

            Check.<ZeroMemory>golden("matchesGoldenVectors", ctx -> {
                String[] names = {"ddpBytes", "zero1Bytes", "zero2Bytes", "zero3Bytes"};
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        for (int stage = 0; stage <= 3; stage++) {
                            ZeroMemory.Bytes b = ctx.subject().perGpu(stage, g.input().longValue("parameters"),
                                    g.input().integer("gpus"), g.input().integer("optimizerBytesPerParam"));
                            close(names[stage], g.output().num(names[stage]), b.total());
                        }
                    });
                }
            })
                .enforces("ddpBytes", "stagePartitions", "realDivision").hint("Compare each stage's total with the formula on the case shown: (2 + 2 + K) Psi with the partitioned parts divided by Nd.")
        );
    }
}
