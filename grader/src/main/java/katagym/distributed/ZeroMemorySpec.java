package katagym.distributed;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.that;

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
            long psi = s.chance(0.5) ? s.intBetween(0, 1000) : 1 + s.choice(1_000_000_000_000L);
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
            })),

            Check.<ZeroMemory>invariant("ddpHoldsTwoPlusTwoPlusKBytesPerParameter", ctx -> ctx.forAll(cases(), c -> {
                ZeroMemory.Bytes b = at(ctx.subject(), 0, c);
                double psi = c.parameters();
                close("DDP parameter bytes (fp16: 2 per parameter)", 2 * psi, b.parameters());
                close("DDP gradient bytes (fp16: 2 per parameter)", 2 * psi, b.gradients());
                close("DDP optimizer-state bytes (K per parameter)", c.optimizerBytesPerParam() * psi, b.optimizerStates());
            })).hint("Mixed-precision Adam keeps fp16 weights (2 bytes), fp16 gradients (2 bytes) and K = 12 bytes of fp32 states per parameter."),

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
            })).hint("Stage 1 partitions the optimizer states, stage 2 adds the gradients, only stage 3 partitions the parameters."),

            Check.<ZeroMemory>invariant("memoryNeverGrowsWithTheStage", ctx -> ctx.forAll(cases(), c -> {
                double prev = Double.POSITIVE_INFINITY;
                for (int stage = 0; stage <= 3; stage++) {
                    double t = at(ctx.subject(), stage, c).total();
                    double p = prev;
                    int st = stage;
                    that(t <= p, () -> stageName(st) + " needs " + t + " bytes, more than the stage before (" + p + ")");
                    prev = t;
                }
            })),

            Check.<ZeroMemory>invariant("oneGpuGivesDdpForEveryStage", ctx -> ctx.forAll(cases(), c0 -> {
                Case c = new Case(c0.parameters(), 1, c0.optimizerBytesPerParam());
                ZeroMemory.Bytes ddp = at(ctx.subject(), 0, c);
                close("DDP total on 1 GPU", (4.0 + c.optimizerBytesPerParam()) * c.parameters(), ddp.total());
                for (int stage = 1; stage <= 3; stage++) {
                    close(stageName(stage) + " total on 1 GPU (nothing to partition over)", ddp.total(), at(ctx.subject(), stage, c).total());
                }
            })),

            Check.<ZeroMemory>golden("reproducesTheZeroPaperFigure", ctx ->
                ctx.example("7.5B parameters, 64 GPUs, K = 12 (ZeRO paper, Fig. 1: 120 GB, 31.4 GB, 16.6 GB, 1.9 GB)", () -> {
                    double[] gb = {120.0, 31.4, 16.6, 1.9};
                    for (int stage = 0; stage <= 3; stage++) {
                        double total = ctx.subject().perGpu(stage, 7_500_000_000L, 64, 12).total();
                        double rounded = Math.round(total / 1e8) / 10.0;
                        close(stageName(stage) + " GB per GPU (1 GB = 1e9 bytes, one decimal)", gb[stage], rounded);
                    }
                })),

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
        );
    }
}
