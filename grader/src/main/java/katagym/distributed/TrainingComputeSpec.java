package katagym.distributed;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.that;
import static katagym.grader.check.Checks.throwsOn;

import java.util.List;
import katagym.distributed.TrainingCompute.Allocation;
import katagym.distributed.TrainingCompute.Recompute;
import katagym.grader.prop.Gen;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class TrainingComputeSpec implements KataSpec<TrainingCompute> {

    /** A model of N parameters trained on D tokens. */
    record FlopsCase(long parameters, long tokens) {}

    /** A compute budget C and r tokens per parameter. */
    record BudgetCase(double computeFlops, double tokensPerParameter) {}

    /** One layer: sequence length s, micro-batch b, hidden size h, heads a (a divides h). */
    record LayerCase(long seq, long batch, long hidden, long heads) {}

    /** A training run's throughput. */
    record MfuCase(double tokensPerSecond, long parameters, int gpus, double peakFlopsPerGpu) {}

    static long count(katagym.grader.prop.Source s, long large) {
        return s.chance(0.4) ? s.intBetween(0, 1000) : s.choice(large);
    }

    static Gen<FlopsCase> flopsCases() {
        return s -> new FlopsCase(count(s, 1_000_000_000_000L), count(s, 10_000_000_000_000L));
    }

    static Gen<BudgetCase> budgetCases() {
        return s -> new BudgetCase(s.chance(0.3) ? s.intBetween(1, 1000) : s.real(1, 1e27, r -> Math.pow(10, 27 * r.nextDouble())),
                s.chance(0.5) ? 20 : s.real(0.5, 200, r -> 0.5 + 199.5 * r.nextDouble()));
    }

    static Gen<LayerCase> layerCases() {
        return s -> {
            long heads = s.intBetween(1, 128);
            long perHead = s.chance(0.5) ? s.intBetween(1, 8) : s.intBetween(1, 256);
            long seq = s.chance(0.5) ? s.intBetween(1, 16) : s.intBetween(1, 32768);
            long batch = s.chance(0.5) ? s.intBetween(1, 4) : s.intBetween(1, 64);
            return new LayerCase(seq, batch, heads * perHead, heads);
        };
    }

    static Gen<MfuCase> mfuCases() {
        return s -> new MfuCase(s.chance(0.3) ? s.intBetween(0, 1000) : s.real(0, 1e8, r -> Math.pow(10, 8 * r.nextDouble())),
                count(s, 1_000_000_000_000L), s.chance(0.3) ? 1 : s.intBetween(1, 100_000),
                s.chance(0.5) ? 989e12 : s.real(1, 1e16, r -> Math.pow(10, 16 * r.nextDouble())));
    }

    static long act(TrainingCompute t, LayerCase c, Recompute mode) {
        return t.activationBytesPerLayer(c.seq(), c.batch(), c.hidden(), c.heads(), mode);
    }

    @Override
    public Class<TrainingCompute> contract() { return TrainingCompute.class; }

    @Override
    public List<Check<TrainingCompute>> checks() {
        return List.of(
            Check.<TrainingCompute>oracle("trainingFlopsMatchesReference", ctx -> ctx.forAll(flopsCases(), c ->
                close("trainingFlops(" + c.parameters() + ", " + c.tokens() + ")",
                        ctx.oracle().trainingFlops(c.parameters(), c.tokens()), ctx.subject().trainingFlops(c.parameters(), c.tokens()))))
                .enforces("flops6ND").hint("6.0 * parameters * tokens: start the product with a double so it never overflows a long."),

            Check.<TrainingCompute>oracle("chinchillaMatchesReference", ctx -> ctx.forAll(budgetCases(), c -> {
                Allocation e = ctx.oracle().chinchillaOptimal(c.computeFlops(), c.tokensPerParameter());
                Allocation a = ctx.subject().chinchillaOptimal(c.computeFlops(), c.tokensPerParameter());
                that(a != null, "chinchillaOptimal returned null");
                close("parameters N", e.parameters(), a.parameters());
                close("tokens D", e.tokens(), a.tokens());
            })).enforces("chinchillaSplit").hint("Substitute D = r N into C = 6 N D: C = 6 r N^2, so N = sqrt(C / (6 r))."),

            Check.<TrainingCompute>oracle("activationBytesMatchReference", ctx -> ctx.forAll(layerCases(), c -> {
                for (Recompute mode : Recompute.values()) {
                    equal(mode + " bytes", act(ctx.oracle(), c, mode), act(ctx.subject(), c, mode));
                }
            })).enforces("activationNone", "activationSelective", "activationFull", "activationLong")
                .hint("NONE: 34 s b h + 5 a s^2 b in long; SELECTIVE: 34 s b h; FULL: 2 s b h."),

            Check.<TrainingCompute>oracle("mfuMatchesReference", ctx -> ctx.forAll(mfuCases(), c ->
                close("mfu", ctx.oracle().mfu(c.tokensPerSecond(), c.parameters(), c.gpus(), c.peakFlopsPerGpu()),
                        ctx.subject().mfu(c.tokensPerSecond(), c.parameters(), c.gpus(), c.peakFlopsPerGpu()))))
                .enforces("mfuValue").hint("Achieved model FLOPs per second are 6 N per token times tokens per second; divide by gpus * peak."),

            Check.<TrainingCompute>invariant("flopsAreSixPerParameterPerToken", ctx -> ctx.forAll(flopsCases(), c -> {
                double f = ctx.subject().trainingFlops(c.parameters(), c.tokens());
                close("trainingFlops(N, D) = 6 N D with N = " + c.parameters() + ", D = " + c.tokens(),
                        6.0 * c.parameters() * c.tokens(), f);
                close("trainingFlops(N, 2 D) / trainingFlops(N, D) (linear in D)", c.parameters() == 0 || c.tokens() == 0 ? 0.0 : 2.0,
                        c.parameters() == 0 || c.tokens() == 0 ? 0.0 : ctx.subject().trainingFlops(c.parameters(), 2 * c.tokens()) / f);
            })).enforces("flops6ND")
                .hint("Forward 2 N FLOPs per token (a multiply and an add per weight), backward twice that: 6 N per token, in double."),

            Check.<TrainingCompute>invariant("chinchillaSpendsTheWholeBudgetAtRatioR", ctx -> ctx.forAll(budgetCases(), c -> {
                Allocation a = ctx.subject().chinchillaOptimal(c.computeFlops(), c.tokensPerParameter());
                that(a != null, "chinchillaOptimal returned null");
                close("6 N D (the budget C)", c.computeFlops(), 6 * a.parameters() * a.tokens());
                close("D / N (tokens per parameter r)", c.tokensPerParameter(), a.tokens() / a.parameters());
            })).enforces("chinchillaSplit")
                .hint("Whatever you return must satisfy 6 N D = C and D = r N; check the operator precedence of C / (6 * r)."),

            Check.<TrainingCompute>invariant("recomputationKeepsExactlyItsTerms", ctx -> ctx.forAll(layerCases(), c -> {
                long sbh = c.seq() * c.batch() * c.hidden();
                equal("FULL bytes (2 s b h)", 2 * sbh, act(ctx.subject(), c, Recompute.FULL));
                equal("SELECTIVE bytes (34 s b h)", 34 * sbh, act(ctx.subject(), c, Recompute.SELECTIVE));
                equal("NONE - SELECTIVE bytes (the attention term 5 a s^2 b)", 5 * c.heads() * c.seq() * c.seq() * c.batch(),
                        act(ctx.subject(), c, Recompute.NONE) - act(ctx.subject(), c, Recompute.SELECTIVE));
            })).enforces("activationNone", "activationSelective", "activationFull", "activationLong")
                .hint("s b h (34 + 5 a s / h) = 34 s b h + 5 a s^2 b: multiply out so no division is left, and keep every product in long."),

            Check.<TrainingCompute>invariant("mfuIsAchievedOverPeak", ctx -> ctx.forAll(mfuCases(), c -> {
                double m = ctx.subject().mfu(c.tokensPerSecond(), c.parameters(), c.gpus(), c.peakFlopsPerGpu());
                close("mfu * gpus * peak (the achieved 6 N tokens/s)", 6.0 * c.parameters() * c.tokensPerSecond(),
                        m * c.gpus() * c.peakFlopsPerGpu());
            })).enforces("mfuValue")
                .hint("MFU counts 6 N FLOPs per token (forward and backward) and divides by the peak of every GPU, not one."),

            Check.<TrainingCompute>invariant("rejectsInvalidArguments", ctx -> {
                TrainingCompute t = ctx.subject();
                ctx.example("chinchillaOptimal(0, 20), (-1e20, 20), (1e20, 0), (1e20, -5)", () -> {
                    throwsOn("chinchillaOptimal(0, 20)", IllegalArgumentException.class, "a zero budget", () -> t.chinchillaOptimal(0, 20));
                    throwsOn("chinchillaOptimal(-1e20, 20)", IllegalArgumentException.class, "a negative budget", () -> t.chinchillaOptimal(-1e20, 20));
                    throwsOn("chinchillaOptimal(1e20, 0)", IllegalArgumentException.class, "r = 0", () -> t.chinchillaOptimal(1e20, 0));
                    throwsOn("chinchillaOptimal(1e20, -5)", IllegalArgumentException.class, "r < 0", () -> t.chinchillaOptimal(1e20, -5));
                });
                ctx.example("activationBytesPerLayer(8, 1, 64, a, NONE) with a = 0, -2, 3 (3 does not divide 64)", () -> {
                    for (long a : new long[] {0, -2, 3}) {
                        throwsOn("activationBytesPerLayer(8, 1, 64, " + a + ", NONE)", IllegalArgumentException.class,
                                "heads must be >= 1 and divide hidden", () -> t.activationBytesPerLayer(8, 1, 64, a, Recompute.NONE));
                    }
                });
                ctx.example("mfu(1000, 1e9, 0, 1e15), mfu(1000, 1e9, 8, 0), mfu(1000, 1e9, 8, -1)", () -> {
                    throwsOn("mfu(1000, 1e9, 0, 1e15)", IllegalArgumentException.class, "no GPUs", () -> t.mfu(1000, 1_000_000_000L, 0, 1e15));
                    throwsOn("mfu(1000, 1e9, 8, 0)", IllegalArgumentException.class, "a zero peak", () -> t.mfu(1000, 1_000_000_000L, 8, 0));
                    throwsOn("mfu(1000, 1e9, 8, -1)", IllegalArgumentException.class, "a negative peak", () -> t.mfu(1000, 1_000_000_000L, 8, -1));
                });
            }).enforces("chinchillaRejects", "activationRejects", "mfuRejects")
                .hint("Validate first: C > 0 and r > 0; heads >= 1 and hidden % heads == 0; gpus >= 1 and peak > 0."),

            Check.<TrainingCompute>example("handWorkedFigures", ctx -> {
                TrainingCompute t = ctx.subject();
                ctx.example("Chinchilla: N = 7e10, D = 1.4e12: 6 N D = 5.88e23 (N D overflows a long)", () ->
                    close("trainingFlops", 5.88e23, t.trainingFlops(70_000_000_000L, 1_400_000_000_000L)));
                ctx.example("chinchillaOptimal(5.88e23, 20): N = sqrt(5.88e23 / 120) = 7e10, D = 1.4e12", () -> {
                    Allocation a = t.chinchillaOptimal(5.88e23, 20);
                    close("N", 7e10, a.parameters());
                    close("D", 1.4e12, a.tokens());
                });
                ctx.example("s = 3, b = 1, h = 4, a = 2, NONE: 12 (34 + 30 / 4) = 12 * 41.5 = 498 (5 a s / h is not whole)", () ->
                    equal("NONE bytes", 498L, t.activationBytesPerLayer(3, 1, 4, 2, Recompute.NONE)));
                ctx.example("GPT-3 layer s = 2048, b = 1, h = 12288, a = 96, NONE: 855,638,016 + 2,013,265,920 = 2,868,903,936 (past 2^31)", () ->
                    equal("NONE bytes", 2_868_903_936L, t.activationBytesPerLayer(2048, 1, 12288, 96, Recompute.NONE)));
                ctx.example("s = 8192, b = 8, h = 8192, a = 64, FULL: 2 s b h = 1,073,741,824; SELECTIVE: 18,253,611,008", () -> {
                    equal("FULL bytes", 1_073_741_824L, t.activationBytesPerLayer(8192, 8, 8192, 64, Recompute.FULL));
                    equal("SELECTIVE bytes", 18_253_611_008L, t.activationBytesPerLayer(8192, 8, 8192, 64, Recompute.SELECTIVE));
                });
                ctx.example("mfu: 1e9 parameters, 25,000 tokens/s on 1 GPU of peak 1e15: 6e9 * 25e3 / 1e15 = 0.15; on 2 GPUs 0.075", () -> {
                    close("mfu on 1 GPU", 0.15, t.mfu(25_000, 1_000_000_000L, 1, 1e15));
                    close("mfu on 2 GPUs", 0.075, t.mfu(25_000, 1_000_000_000L, 2, 1e15));
                });
            }).enforces("flops6ND", "chinchillaSplit", "activationNone", "activationFull", "activationSelective", "activationLong", "mfuValue")
                .hint("Work these by hand first: products of two counts need double (FLOPs) or long (bytes), never int, and no integer division."),

            Check.<TrainingCompute>golden("matchesGoldenVectors", ctx -> {
                TrainingCompute t = ctx.subject();
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        var in = g.input();
                        var out = g.output();
                        close("trainingFlops", out.num("trainingFlops"), t.trainingFlops(in.longValue("parameters"), in.longValue("tokens")));
                        Allocation a = t.chinchillaOptimal(in.num("computeFlops"), in.num("tokensPerParameter"));
                        close("chinchilla N", out.num("optimalParameters"), a.parameters());
                        close("chinchilla D", out.num("optimalTokens"), a.tokens());
                        for (Recompute mode : Recompute.values()) {
                            equal(mode + " activation bytes", out.longValue("activation" + mode),
                                    t.activationBytesPerLayer(in.longValue("seq"), in.longValue("batch"), in.longValue("hidden"),
                                            in.longValue("heads"), mode));
                        }
                        close("mfu", out.num("mfu"), t.mfu(in.num("tokensPerSecond"), in.longValue("parameters"), in.integer("gpus"),
                                in.num("peakFlopsPerGpu")));
                    });
                }
            }).enforces("flops6ND", "chinchillaSplit", "activationNone", "activationSelective", "activationFull", "mfuValue")
                .hint("These figures come from exact integer arithmetic in Python; compare the formula term by term on the case shown.")
        );
    }
}
