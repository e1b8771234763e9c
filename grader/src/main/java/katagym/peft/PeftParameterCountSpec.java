package katagym.peft;

import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.that;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import katagym.grader.prop.Gen;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;
import katagym.peft.PeftParameterCount.Projection;
import katagym.peft.PeftParameterCount.TransformerConfig;

public final class PeftParameterCountSpec implements KataSpec<PeftParameterCount> {

    /**
     * A configuration and the method settings: adapter bottleneck m, virtual tokens n, LoRA rank r and
     * two disjoint sets of LoRA targets. "Sensible": m, r <= d / 2 and n <= d.
     */
    record Case(TransformerConfig config, int bottleneck, int virtualTokens, int rank, Set<Projection> targets, Set<Projection> others) {}

    /** Small configurations, and now and then one of GPT-3's width or more (d = 12288 or 24576, up to 128 layers). */
    static Gen<TransformerConfig> configs() {
        return s -> {
            if (s.chance(0.15)) {
                return new TransformerConfig(s.intBetween(1, 128), 12288 * s.intBetween(1, 2), 49152, s.intBetween(1, 256000), s.intBetween(1, 8192), 96);
            }
            int heads = s.intBetween(1, 8);
            int d = heads * s.intBetween(1, 16);
            return new TransformerConfig(s.intBetween(1, 12), d, d * s.intBetween(1, 4), s.intBetween(1, 1000), s.intBetween(1, 512), heads);
        };
    }

    static Gen<Case> cases() {
        return s -> {
            TransformerConfig c = configs().generate(s);
            int half = Math.max(1, c.dModel() / 2);
            Set<Projection> targets = EnumSet.noneOf(Projection.class), others = EnumSet.noneOf(Projection.class);
            for (Projection p : Projection.values()) {
                int where = s.intBetween(0, 2);
                if (where == 1) targets.add(p);
                if (where == 2) others.add(p);
            }
            return new Case(c, s.intBetween(1, half), s.intBetween(1, c.dModel()), s.intBetween(1, half), targets, others);
        };
    }

    static TransformerConfig with(TransformerConfig c, int layers, int dFf, int vocab, int maxPositions, int heads) {
        return new TransformerConfig(layers, c.dModel(), dFf, vocab, maxPositions, heads);
    }

    static final TransformerConfig GPT2_SMALL = new TransformerConfig(12, 768, 3072, 50257, 1024, 12);
    static final TransformerConfig GPT3 = new TransformerConfig(96, 12288, 49152, 50257, 2048, 96);

    @Override
    public Class<PeftParameterCount> contract() { return PeftParameterCount.class; }

    @Override
    public List<Check<PeftParameterCount>> checks() {
        return List.of(
            Check.<PeftParameterCount>oracle("everyCountMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                PeftParameterCount e = ctx.oracle(), a = ctx.subject();
                TransformerConfig k = c.config();
                equal("fullFineTuning", e.fullFineTuning(k), a.fullFineTuning(k));
                equal("bitFit", e.bitFit(k), a.bitFit(k));
                equal("adapters(m = " + c.bottleneck() + ")", e.adapters(k, c.bottleneck()), a.adapters(k, c.bottleneck()));
                equal("prefixTuning(n = " + c.virtualTokens() + ")", e.prefixTuning(k, c.virtualTokens()), a.prefixTuning(k, c.virtualTokens()));
                equal("promptTuning(n = " + c.virtualTokens() + ")", e.promptTuning(k, c.virtualTokens()), a.promptTuning(k, c.virtualTokens()));
                equal("lora(r = " + c.rank() + ", " + c.targets() + ")", e.lora(k, c.rank(), c.targets()), a.lora(k, c.rank(), c.targets()));
            })).enforces("fullValue", "bitFitValue", "adaptersValue", "prefixValue", "promptValue", "loraValue", "exactLong")
                .hint("Recount each method from the contract's list of matrices and vectors, in long arithmetic."),

            Check.<PeftParameterCount>example("countsBeyondIntegerMaxValueAreExact", ctx -> {
                PeftParameterCount a = ctx.subject();
                ctx.example("GPT-3 175B with prefixTuning(n = 2000)", () ->
                    equal("prefixTuning (2 * 96 * 2000 * 12288)", 4_718_592_000L, a.prefixTuning(GPT3, 2000)));
                ctx.example("GPT-3 175B with adapters(m = 1024)", () ->
                    equal("adapters (96 * 2 * (2 * 12288 * 1024 + 1024 + 12288))", 4_834_394_112L, a.adapters(GPT3, 1024)));
                ctx.example("GPT-3 175B with lora(r = 12288, every projection)", () ->
                    equal("lora (96 * 12288 * (4 * 24576 + 2 * 61440))", 96L * 12288 * 221184, a.lora(GPT3, 12288, EnumSet.allOf(Projection.class))));
                ctx.example("GPT-3 175B with bitFit and promptTuning(n = 200000)", () -> {
                    equal("bitFit (96 * (7 * 12288 + 49152) + 12288)", 96L * (7 * 12288 + 49152) + 12288, a.bitFit(GPT3));
                    equal("promptTuning (200000 * 12288)", 2_457_600_000L, a.promptTuning(GPT3, 200000));
                });
            }).enforces("exactLong", "prefixValue", "adaptersValue", "loraValue", "bitFitValue", "promptValue")
                .hint("Every product must be done in long: 2 * L * n * d in int wraps around before the result is widened to long."),

            Check.<PeftParameterCount>invariant("gpt2SmallAndGpt3HaveTheirKnownSizes", ctx -> {
                ctx.example("GPT-2 small: " + GPT2_SMALL, () -> {
                    PeftParameterCount a = ctx.subject();
                    equal("fullFineTuning (GPT-2 small has 124,439,808 parameters)", 124_439_808L, a.fullFineTuning(GPT2_SMALL));
                    equal("bitFit", 102_144L, a.bitFit(GPT2_SMALL));
                    equal("adapters(m = 64)", 2_379_264L, a.adapters(GPT2_SMALL, 64));
                    equal("prefixTuning(n = 10)", 184_320L, a.prefixTuning(GPT2_SMALL, 10));
                    equal("promptTuning(n = 20)", 15_360L, a.promptTuning(GPT2_SMALL, 20));
                    equal("lora(r = 8, Q and V)", 294_912L, a.lora(GPT2_SMALL, 8, EnumSet.of(Projection.QUERY, Projection.VALUE)));
                });
                ctx.example("GPT-3 175B: " + GPT3, () -> {
                    PeftParameterCount a = ctx.subject();
                    equal("fullFineTuning (about 175B: more than Integer.MAX_VALUE)", 174_604_259_328L, a.fullFineTuning(GPT3));
                    equal("lora(r = 8, Q and V) (the LoRA paper's 37.7M)", 37_748_736L, a.lora(GPT3, 8, EnumSet.of(Projection.QUERY, Projection.VALUE)));
                    equal("adapters(m = 64)", 304_361_472L, a.adapters(GPT3, 64));
                    equal("prefixTuning(n = 10)", 23_592_960L, a.prefixTuning(GPT3, 10));
                });
            }).enforces("fullValue", "bitFitValue", "adaptersValue", "prefixValue", "promptValue", "loraValue", "exactLong")
                .hint("Multiply in long: 96 layers of 12288 x 12288 matrices overflow an int long before the total."),

            Check.<PeftParameterCount>invariant("everyMethodTrainsFewerParametersThanFullFineTuning", ctx -> ctx.forAll(cases(), c -> {
                PeftParameterCount a = ctx.subject();
                TransformerConfig k = c.config();
                long full = a.fullFineTuning(k);
                long[] counts = {a.bitFit(k), a.adapters(k, c.bottleneck()), a.prefixTuning(k, c.virtualTokens()), a.promptTuning(k, c.virtualTokens()),
                        a.lora(k, c.rank(), EnumSet.allOf(Projection.class))};
                String[] names = {"bitFit", "adapters", "prefixTuning", "promptTuning", "lora on every projection"};
                for (int i = 0; i < counts.length; i++) {
                    int ii = i;
                    that(counts[i] > 0 && counts[i] < full, () -> names[ii] + " = " + counts[ii] + " should lie in (0, fullFineTuning = " + full + ")");
                }
            })).enforces("fullValue", "bitFitValue", "adaptersValue", "prefixValue", "promptValue", "loraValue")
                .hint("Parameter-efficient methods train a small part of the model: a count above full fine-tuning has counted a matrix too many."),

            Check.<PeftParameterCount>invariant("loraIsLinearInTheRankAndAdditiveOverTargets", ctx -> ctx.forAll(cases(), c -> {
                PeftParameterCount a = ctx.subject();
                TransformerConfig k = c.config();
                long one = a.lora(k, 1, c.targets());
                equal("lora(r = " + c.rank() + ") vs r * lora(r = 1), targets " + c.targets(), c.rank() * one, a.lora(k, c.rank(), c.targets()));
                Set<Projection> both = EnumSet.noneOf(Projection.class);
                both.addAll(c.targets());
                both.addAll(c.others());
                equal("lora on " + both + " vs lora on " + c.targets() + " + lora on " + c.others(),
                        a.lora(k, c.rank(), c.targets()) + a.lora(k, c.rank(), c.others()), a.lora(k, c.rank(), both));
                equal("lora with no targets", 0L, a.lora(k, c.rank(), EnumSet.noneOf(Projection.class)));
                equal("lora(r = 1) on QUERY (a d x d matrix in each of L layers: L * (d + d))",
                        2L * k.layers() * k.dModel(), a.lora(k, 1, EnumSet.of(Projection.QUERY)));
                equal("lora(r = 1) on FFN_DOWN (an f -> d matrix in each of L layers: L * (f + d))",
                        (long) k.layers() * (k.dFf() + k.dModel()), a.lora(k, 1, EnumSet.of(Projection.FFN_DOWN)));
            })).enforces("loraValue").hint("A rank-r adapter on an in -> out matrix has r (in + out) parameters, in every one of the L layers."),

            Check.<PeftParameterCount>invariant("promptTuningIsVirtualTokensTimesDModel", ctx -> ctx.forAll(cases(), c ->
                equal("promptTuning(n = " + c.virtualTokens() + ") (n * d, whatever the depth)",
                        (long) c.virtualTokens() * c.config().dModel(), ctx.subject().promptTuning(c.config(), c.virtualTokens()))))
                .enforces("promptValue").hint("Prompt tuning trains only the n virtual tokens' input embeddings, n * d, in no layer."),

            Check.<PeftParameterCount>invariant("oneMoreUnitAddsItsOwnParameters", ctx -> ctx.forAll(cases(), c -> {
                PeftParameterCount a = ctx.subject();
                TransformerConfig k = c.config();
                long L = k.layers(), d = k.dModel();
                TransformerConfig wider = with(k, k.layers(), k.dFf() + 1, k.vocab(), k.maxPositions(), k.heads());
                equal("bitFit(f + 1) - bitFit(f) (one more MLP bias per layer)", L, a.bitFit(wider) - a.bitFit(k));
                equal("fullFineTuning(f + 1) - fullFineTuning(f) (per layer: a row of d -> f, its bias, a column of f -> d)",
                        L * (2 * d + 1), a.fullFineTuning(wider) - a.fullFineTuning(k));
                equal("adapters(m + 1) - adapters(m) (two adapters per layer, each gaining 2 d + 1)",
                        L * 2 * (2 * d + 1), a.adapters(k, c.bottleneck() + 1) - a.adapters(k, c.bottleneck()));
                equal("prefixTuning(n + 1) - prefixTuning(n) (a key and a value of width d in every layer)",
                        2 * L * d, a.prefixTuning(k, c.virtualTokens() + 1) - a.prefixTuning(k, c.virtualTokens()));
                TransformerConfig moreTokens = with(k, k.layers(), k.dFf(), k.vocab() + 1, k.maxPositions() + 1, k.heads());
                equal("fullFineTuning(V + 1, P + 1) - fullFineTuning(V, P) (a token row and a position row; the head is tied)",
                        2 * d, a.fullFineTuning(moreTokens) - a.fullFineTuning(k));
            })).enforces("fullValue", "bitFitValue", "adaptersValue", "prefixValue").hint("BitFit trains every bias, LayerNorm biases included: per layer 4 d (Q, K, V, O) + f + d (MLP) + 2 d (LayerNorms)."),

            Check.<PeftParameterCount>invariant("perLayerCostsDependOnlyOnTheLayerShape", ctx -> ctx.forAll(cases(), c -> {
                PeftParameterCount a = ctx.subject();
                TransformerConfig k = c.config();
                TransformerConfig deeper = with(k, k.layers() + 1, k.dFf(), k.vocab(), k.maxPositions(), k.heads());
                TransformerConfig oneLayer = with(k, 1, k.dFf(), k.vocab(), k.maxPositions(), k.heads());
                TransformerConfig otherTokens = with(k, k.layers(), k.dFf(), 1 + k.vocab() / 2, 1 + k.maxPositions() / 3, 1);
                long addedLayer = a.fullFineTuning(deeper) - a.fullFineTuning(k);
                equal("fullFineTuning(L + 1) - fullFineTuning(L) vs the same with another vocab, positions and heads",
                        addedLayer, a.fullFineTuning(with(otherTokens, k.layers() + 1, k.dFf(), otherTokens.vocab(), otherTokens.maxPositions(), 1))
                                - a.fullFineTuning(otherTokens));
                equal("bitFit with another vocab, positions and heads", a.bitFit(k), a.bitFit(otherTokens));
                equal("bitFit(L + 1) - bitFit(L) (7 d + f biases per layer)", 7L * k.dModel() + k.dFf(), a.bitFit(deeper) - a.bitFit(k));
                equal("adapters(L layers) vs L * adapters(1 layer)", k.layers() * a.adapters(oneLayer, c.bottleneck()), a.adapters(k, c.bottleneck()));
                equal("prefixTuning(L layers) vs L * prefixTuning(1 layer)", k.layers() * a.prefixTuning(oneLayer, c.virtualTokens()),
                        a.prefixTuning(k, c.virtualTokens()));
                equal("lora(L layers) vs L * lora(1 layer)", k.layers() * a.lora(oneLayer, c.rank(), c.targets()), a.lora(k, c.rank(), c.targets()));
                equal("lora with another vocab, positions and heads", a.lora(k, c.rank(), c.targets()), a.lora(otherTokens, c.rank(), c.targets()));
            })).enforces("fullValue", "bitFitValue", "adaptersValue", "prefixValue", "loraValue", "headsIrrelevant").hint("Adapters, prefixes and LoRA add the same parameters to every layer; only full fine-tuning counts the embeddings.")
        );
    }
}
