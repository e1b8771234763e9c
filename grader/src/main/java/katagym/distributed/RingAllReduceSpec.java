package katagym.distributed;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class RingAllReduceSpec implements KataSpec<RingAllReduce> {

    /** The vectors of p ranks, inputs[r] of length N. */
    record Case(double[][] inputs) {
        int p() { return inputs.length; }
        int n() { return inputs[0].length; }
    }

    static Gen<Case> cases() {
        return s -> {
            int p = s.intBetween(1, 6);
            int n = s.chance(0.5) ? p * s.intBetween(1, 3) : s.intBetween(1, 13);
            return new Case(Gens.matrix(p, n, Gens.doubles()).generate(s));
        };
    }

    static RingAllReduce.Result run(RingAllReduce subject, Case c) {
        RingAllReduce.Result r = subject.allReduce(c.inputs());
        that(r != null && r.outputs() != null && r.log() != null, "allReduce returned null or a result without outputs or log");
        shape("outputs", r.outputs(), c.p(), c.n());
        return r;
    }



    @Override
    public Class<RingAllReduce> contract() { return RingAllReduce.class; }

    @Override
    public List<Check<RingAllReduce>> checks() {
        return List.of(
            Check.<RingAllReduce>oracle("outputsAndLogMatchReference", ctx -> ctx.forAll(cases(), c -> {
                RingAllReduce.Result e = ctx.oracle().allReduce(c.inputs());
                RingAllReduce.Result a = pure("allReduce(inputs)", () -> ctx.subject().allReduce(c.inputs()), (Object) c.inputs());
                close("outputs", e.outputs(), a.outputs());
                equal("message log", e.log().toArray(), a.log().toArray());
            }))
                .enforces("everyRankHoldsTheSum", "chunkSchedule", "messageLog", "chunkSizes", "newOutputs").hint("Compare your log with the schedule: reduce-scatter step s sends chunk (r - s) mod p, all-gather step k sends (r + 1 - k) mod p, always to (r + 1) % p."),

            Check.<RingAllReduce>invariant("everyRankEndsWithTheElementwiseSum", ctx -> ctx.forAll(cases(), c -> {
                RingAllReduce.Result r = pure("allReduce(inputs)", () -> run(ctx.subject(), c), (Object) c.inputs());
                double[] sum = AllReduceSums.sum(c.inputs());
                for (int rank = 0; rank < c.p(); rank++) {
                    close("outputs[" + rank + "] (the sum over all ranks)", sum, r.outputs()[rank], AllReduceSums.tolerance(c.inputs()));
                    equal("outputs[" + rank + "] vs outputs[0] (all ranks hold the same bits)", r.outputs()[0], r.outputs()[rank]);
                }
            })).hint("Reduce-scatter leaves each rank with one fully summed chunk; the all-gather phase must then circulate those chunks.")
                .enforces("everyRankHoldsTheSum", "newOutputs"),

            Check.<RingAllReduce>invariant("replayingTheLogGivesTheSum", ctx -> ctx.forAll(cases(), c -> {
                RingAllReduce.Result r = run(ctx.subject(), c);
                int p = c.p(), n = c.n();
                double[][] buf = new double[p][];
                for (int k = 0; k < p; k++) buf[k] = c.inputs()[k].clone();
                List<RingAllReduce.Message> log = r.log();
                int i = 0;
                while (i < log.size()) {
                    int step = log.get(i).step();
                    double[][] before = new double[p][];
                    for (int k = 0; k < p; k++) before[k] = buf[k].clone();
                    for (; i < log.size() && log.get(i).step() == step; i++) {
                        RingAllReduce.Message m = log.get(i);
                        that(m.from() >= 0 && m.from() < p && m.to() >= 0 && m.to() < p && m.chunk() >= 0 && m.chunk() < p,
                                () -> "message " + m + " names a rank or chunk outside 0.." + (p - 1));
                        int start = RingAllReduce.chunkStart(m.chunk(), n, p), size = RingAllReduce.chunkSize(m.chunk(), n, p);
                        for (int j = start; j < start + size; j++) {
                            buf[m.to()][j] = step < p - 1 ? buf[m.to()][j] + before[m.from()][j] : before[m.from()][j];
                        }
                    }
                }
                double[] sum = AllReduceSums.sum(c.inputs());
                for (int k = 0; k < p; k++) {
                    close("rank " + k + " after replaying the log (reduce-scatter steps add, all-gather steps copy)", sum, buf[k], AllReduceSums.tolerance(c.inputs()));
                    close("rank " + k + ": replayed log vs returned outputs", buf[k], r.outputs()[k], AllReduceSums.tolerance(c.inputs()));
                }
            })).hint("In reduce-scatter step s rank r sends chunk (r - s) mod p; in all-gather step k it sends chunk (r + 1 - k) mod p.")
                .enforces("chunkSchedule", "chunkSizes"),

            Check.<RingAllReduce>invariant("eachRankOwnsANewOutputArray", ctx -> ctx.forAll(cases(), c ->
                AllReduceOutputs.ownedByEachRank("allReduce(inputs).outputs()", () -> run(ctx.subject(), c).outputs(), c.inputs())))
                .enforces("newOutputs")
                .hint("Work on clones of the inputs (one per rank), also when p = 1, and return those: never the caller's rows, never one array for every rank."),

            Check.<RingAllReduce>example("handWorkedSmallRings", ctx -> {
                ctx.example("p = 1, inputs = [[1, 2]]: no messages, and the output is a copy", () -> {
                    RingAllReduce.Result r = run(ctx.subject(), new Case(new double[][] {{1, 2}}));
                    equal("outputs", new double[][] {{1, 2}}, r.outputs());
                    equal("number of messages", 0, r.log().size());
                });
                ctx.example("p = 3, N = 2 (chunk sizes 1, 1, 0), inputs = [[1, 2], [10, 20], [100, 200]]", () -> {
                    RingAllReduce.Result r = run(ctx.subject(), new Case(new double[][] {{1, 2}, {10, 20}, {100, 200}}));
                    for (int k = 0; k < 3; k++) equal("outputs[" + k + "]", new double[] {111, 222}, r.outputs()[k]);
                    java.util.List<RingAllReduce.Message> expected = new java.util.ArrayList<>();
                    for (int s = 0; s < 4; s++) {
                        for (int rank = 0; rank < 3; rank++) {
                            int chunk = s < 2 ? Math.floorMod(rank - s, 3) : Math.floorMod(rank + 1 - (s - 2), 3);
                            expected.add(new RingAllReduce.Message(s, rank, (rank + 1) % 3, chunk, chunk < 2 ? 1 : 0));
                        }
                    }
                    equal("message log (the empty chunk 2 still travels, with 0 elements)", expected.toArray(), r.log().toArray());
                });
            }).enforces("everyRankHoldsTheSum", "messageLog", "chunkSizes", "chunkSchedule")
                .hint("p = 3 is not a power of two and N = 2 < p leaves chunk 2 empty: the schedule does not change, a 0-element message is still one message."),

            Check.<RingAllReduce>ops("twoPMinusOneStepsEachRankSendingToItsRightNeighbour", ctx -> ctx.forAll(cases(), c -> {
                List<RingAllReduce.Message> log = run(ctx.subject(), c).log();
                int p = c.p();
                equal("messages (2(p - 1) steps, one message per rank per step, p = " + p + ")", 2 * (p - 1) * p, log.size());
                for (int k = 0; k < log.size(); k++) {
                    RingAllReduce.Message m = log.get(k);
                    int step = k / p, from = k % p;
                    that(m.step() == step && m.from() == from, () -> "log entry " + m + ": expected step " + step + ", sender " + from
                            + " (one message per rank per step, ordered by step then sender)");
                    that(m.to() == (from + 1) % p, () -> "log entry " + m + ": rank " + from + " may only send to its right neighbour " + (from + 1) % p);
                }
            })).hint("p - 1 reduce-scatter steps and p - 1 all-gather steps; in each, every rank sends exactly one chunk to (r + 1) % p.")
                .enforces("messageLog"),

            Check.<RingAllReduce>ops("eachRankSendsTwoPMinusOneOverPTimesNElements", ctx -> ctx.forAll(cases(), c -> {
                List<RingAllReduce.Message> log = run(ctx.subject(), c).log();
                int p = c.p(), n = c.n();
                long[] sent = new long[p];
                for (RingAllReduce.Message m : log) {
                    that(m.chunk() >= 0 && m.chunk() < p, () -> "message " + m + " carries chunk " + m.chunk() + ", outside 0.." + (p - 1));
                    equal("elements of " + m + " (the size of chunk " + m.chunk() + " of " + n + " elements over " + p + " ranks)",
                            RingAllReduce.chunkSize(m.chunk(), n, p), m.elements());
                    if (m.from() >= 0 && m.from() < p) sent[m.from()] += m.elements();
                }
                long ceil = (n + p - 1) / p;
                for (int r = 0; r < p; r++) {
                    int rank = r;
                    if (n % p == 0) {
                        equal("elements sent by rank " + r + " (2(p - 1)/p * N with N = " + n + ", p = " + p + ")", (long) 2 * (p - 1) * n / p, sent[r]);
                    } else {
                        that(sent[r] <= 2L * (p - 1) * ceil, () -> "rank " + rank + " sent " + sent[rank] + " elements, more than 2(p - 1) ceil(N / p) = "
                                + 2L * (p - 1) * ceil);
                    }
                }
            })).hint("A message carries one chunk (about N / p values), never the whole vector: that is what makes the ring bandwidth-optimal.")
                .enforces("chunkSizes")
        );
    }
}
