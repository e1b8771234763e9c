package katagym.distributed;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.fail;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class RecursiveDoublingAllReduceSpec implements KataSpec<RecursiveDoublingAllReduce> {

    /** The vectors of p ranks (p a power of two), inputs[r] of length N. */
    record Case(double[][] inputs) {
        int p() { return inputs.length; }
        int n() { return inputs[0].length; }
        int rounds() { return Integer.numberOfTrailingZeros(inputs.length); }
    }

    static Gen<Case> cases() {
        return s -> {
            int p = 1 << s.intBetween(0, 4);
            int n = s.intBetween(1, 6);
            return new Case(Gens.matrix(p, n, Gens.doubles()).generate(s));
        };
    }

    static RecursiveDoublingAllReduce.Result run(RecursiveDoublingAllReduce subject, Case c) {
        RecursiveDoublingAllReduce.Result r = subject.allReduce(c.inputs());
        that(r != null && r.outputs() != null && r.log() != null, "allReduce returned null or a result without outputs or log");
        shape("outputs", r.outputs(), c.p(), c.n());
        return r;
    }



    @Override
    public Class<RecursiveDoublingAllReduce> contract() { return RecursiveDoublingAllReduce.class; }

    @Override
    public List<Check<RecursiveDoublingAllReduce>> checks() {
        return List.of(
            Check.<RecursiveDoublingAllReduce>oracle("outputsAndLogMatchReference", ctx -> ctx.forAll(cases(), c -> {
                RecursiveDoublingAllReduce.Result e = ctx.oracle().allReduce(c.inputs());
                RecursiveDoublingAllReduce.Result a = pure("allReduce(inputs)", () -> ctx.subject().allReduce(c.inputs()), (Object) c.inputs());
                close("outputs", e.outputs(), a.outputs());
                equal("message log", e.log().toArray(), a.log().toArray());
            }))
                .enforces("everyRankHoldsTheSum", "pairwiseExchange", "messageLog", "newOutputs").hint("Round k: every rank r logs one message of N elements to r ^ (1 << k), then adds the partner's pre-round vector."),

            Check.<RecursiveDoublingAllReduce>invariant("everyRankEndsWithTheElementwiseSum", ctx -> ctx.forAll(cases(), c -> {
                RecursiveDoublingAllReduce.Result r = pure("allReduce(inputs)", () -> run(ctx.subject(), c), (Object) c.inputs());
                double[] sum = AllReduceSums.sum(c.inputs());
                for (int rank = 0; rank < c.p(); rank++) {
                    close("outputs[" + rank + "] (the sum over all ranks)", sum, r.outputs()[rank], AllReduceSums.tolerance(c.inputs()));
                    equal("outputs[" + rank + "] vs outputs[0] (a + b == b + a: every rank holds the same bits)", r.outputs()[0], r.outputs()[rank]);
                }
            })).hint("After round k each rank holds the sum over a group of 2^(k+1) ranks: log2 p rounds cover all p.")
                .enforces("everyRankHoldsTheSum", "newOutputs"),

            Check.<RecursiveDoublingAllReduce>invariant("everyRoundIsAPairwiseExchangeWithRankXorTwoToTheK", ctx -> ctx.forAll(cases(), c -> {
                List<RecursiveDoublingAllReduce.Message> log = run(ctx.subject(), c).log();
                for (RecursiveDoublingAllReduce.Message m : log) {
                    int partner = m.from() ^ (1 << m.round());
                    that(m.round() >= 0 && m.round() < 31 && m.to() == partner, () -> "message " + m + ": in round " + m.round() + " rank " + m.from()
                            + " exchanges with rank " + m.from() + " XOR 2^" + m.round() + " = " + partner);
                    that(log.contains(new RecursiveDoublingAllReduce.Message(m.round(), m.to(), m.from(), m.elements())),
                            () -> "message " + m + " has no reply from rank " + m.to() + " in the same round: an exchange goes both ways");
                }
            })).hint("partner = r ^ (1 << k): partners are symmetric, so each round pairs the ranks up. (r + 2^k) mod p is not an exchange.")
                .enforces("pairwiseExchange"),

            Check.<RecursiveDoublingAllReduce>invariant("replayingTheLogGivesTheSum", ctx -> ctx.forAll(cases(), c -> {
                RecursiveDoublingAllReduce.Result r = run(ctx.subject(), c);
                double[][] buf = new double[c.p()][];
                for (int k = 0; k < c.p(); k++) buf[k] = c.inputs()[k].clone();
                List<RecursiveDoublingAllReduce.Message> log = r.log();
                int i = 0;
                while (i < log.size()) {
                    int round = log.get(i).round();
                    double[][] before = new double[c.p()][];
                    for (int k = 0; k < c.p(); k++) before[k] = buf[k].clone();
                    for (; i < log.size() && log.get(i).round() == round; i++) {
                        RecursiveDoublingAllReduce.Message m = log.get(i);
                        that(m.from() >= 0 && m.from() < c.p() && m.to() >= 0 && m.to() < c.p(),
                                () -> "message " + m + " names a rank outside 0.." + (c.p() - 1));
                        for (int j = 0; j < c.n(); j++) buf[m.to()][j] += before[m.from()][j];
                    }
                }
                double[] sum = AllReduceSums.sum(c.inputs());
                for (int k = 0; k < c.p(); k++) {
                    close("rank " + k + " after replaying the log (each received vector is added)", sum, buf[k], AllReduceSums.tolerance(c.inputs()));
                }
            }))
                .enforces("pairwiseExchange", "messageLog").hint("Every logged message is added by its receiver: log exactly the exchanges you perform, one per rank per round."),

            Check.<RecursiveDoublingAllReduce>invariant("rejectsARankCountThatIsNotAPowerOfTwo", ctx -> {
                for (int p : new int[] {3, 5, 6, 12}) {
                    ctx.example("p = " + p + " ranks of 2 elements", () ->
                        katagym.grader.check.Checks.throwsOn("allReduce with p = " + p, IllegalArgumentException.class,
                                "recursive doubling needs a power of two", () -> ctx.subject().allReduce(new double[p][2])));
                }
            })
                .enforces("rejectsNonPowerOfTwo").hint("Integer.bitCount(p) == 1 tests for a power of two; p % 2 == 0 lets 6 and 12 through. Throw IllegalArgumentException before any round."),

            Check.<RecursiveDoublingAllReduce>invariant("eachRankOwnsANewOutputArray", ctx -> ctx.forAll(cases(), c ->
                AllReduceOutputs.ownedByEachRank("allReduce(inputs).outputs()", () -> run(ctx.subject(), c).outputs(), c.inputs())))
                .enforces("newOutputs")
                .hint("Clone every input row before the first round, also when p = 1 (no rounds), and return the clones."),

            Check.<RecursiveDoublingAllReduce>example("handWorkedFourRanks", ctx ->
                ctx.example("p = 4, N = 1, inputs = [[1], [2], [4], [8]]: round 0 pairs 0-1 and 2-3, round 1 pairs 0-2 and 1-3", () -> {
                    RecursiveDoublingAllReduce.Result r = run(ctx.subject(), new Case(new double[][] {{1}, {2}, {4}, {8}}));
                    for (int k = 0; k < 4; k++) equal("outputs[" + k + "]", new double[] {15}, r.outputs()[k]);
                    java.util.List<RecursiveDoublingAllReduce.Message> expected = new java.util.ArrayList<>();
                    for (int round = 0; round < 2; round++) for (int k = 0; k < 4; k++) expected.add(new RecursiveDoublingAllReduce.Message(round, k, k ^ (1 << round), 1));
                    equal("message log", expected.toArray(), r.log().toArray());
                }))
                .enforces("everyRankHoldsTheSum", "pairwiseExchange", "messageLog")
                .hint("Snapshot the vectors at the start of each round; rank r adds before[r ^ (1 << k)] to its own."),

            Check.<RecursiveDoublingAllReduce>ops("log2POfRoundsOneMessageOfNElementsPerRankPerRound", ctx -> ctx.forAll(cases(), c -> {
                List<RecursiveDoublingAllReduce.Message> log = run(ctx.subject(), c).log();
                int p = c.p();
                equal("messages (log2 p = " + c.rounds() + " rounds, one message per rank per round, p = " + p + ")", c.rounds() * p, log.size());
                for (int k = 0; k < log.size(); k++) {
                    RecursiveDoublingAllReduce.Message m = log.get(k);
                    int round = k / p, from = k % p;
                    that(m.round() == round && m.from() == from, () -> "log entry " + m + ": expected round " + round + ", sender " + from
                            + " (ordered by round then sender)");
                    equal("elements of " + m + " (the whole vector)", c.n(), m.elements());
                }
            })).hint("Exactly log2 p rounds: for (int k = 0; (1 << k) < p; k++).")
                .enforces("messageLog")
        );
    }
}
