package katagym.distributed;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.fail;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;
import static katagym.grader.check.Checks.throwsOn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import katagym.distributed.PipelineSchedule.Kind;
import katagym.distributed.PipelineSchedule.Op;
import katagym.grader.prop.Gen;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class PipelineScheduleSpec implements KataSpec<PipelineSchedule> {

    /** p pipeline stages and m micro-batches. */
    record Case(int stages, int microBatches) {}

    /** One stage's op list: its forwards and backwards in order, each B(i) after F(i). */
    record OpsCase(List<Op> ops) {}

    static Gen<Case> cases() {
        return s -> new Case(s.intBetween(1, 6), s.chance(0.9) ? s.intBetween(1, 10) : s.intBetween(1, 64));
    }

    static Gen<OpsCase> opsCases() {
        return s -> {
            int m = s.intBetween(0, 8), f = 0, b = 0;
            List<Op> ops = new ArrayList<>();
            while (b < m) {
                if (f < m && (f == b || s.chance(0.5))) ops.add(Op.f(f++));
                else ops.add(Op.b(b++));
            }
            return new OpsCase(ops);
        };
    }

    static int peak(Op[] ops) {
        int inFlight = 0, peak = 0;
        for (Op op : ops) {
            inFlight += op.kind() == Kind.F ? 1 : -1;
            peak = Math.max(peak, inFlight);
        }
        return peak;
    }

    static Op[][] schedule(String name, BiFunction<Integer, Integer, Op[][]> make, Case c) {
        Op[][] sched = make.apply(c.stages(), c.microBatches());
        that(sched != null && sched.length == c.stages(), () -> name + "(" + c.stages() + ", " + c.microBatches() + ") must return one row per stage ("
                + c.stages() + "), got " + (sched == null ? "null" : sched.length));
        return sched;
    }

    /** Fails unless every row holds F(i) and B(i) exactly once for each i < m. */
    static void everyOpOnce(String name, Op[][] sched, Case c) {
        for (int s = 0; s < sched.length; s++) {
            Op[] row = sched[s];
            int st = s;
            that(row != null && row.length == 2 * c.microBatches(), () -> name + ": stage " + st + " has " + (row == null ? "no" : row.length)
                    + " ops, expected 2m = " + 2 * c.microBatches() + ": " + Arrays.toString(row));
            boolean[][] seen = new boolean[2][c.microBatches()];
            for (Op op : row) {
                that(op != null && op.kind() != null && op.microBatch() >= 0 && op.microBatch() < c.microBatches(),
                        () -> name + ": stage " + st + " has op " + op + ", outside F/B of micro-batches 0.." + (c.microBatches() - 1) + ": " + Arrays.toString(row));
                that(!seen[op.kind().ordinal()][op.microBatch()], () -> name + ": stage " + st + " runs " + op + " twice: " + Arrays.toString(row));
                seen[op.kind().ordinal()][op.microBatch()] = true;
            }
        }
    }

    /**
     * Runs the schedule with one time unit per op, each op as soon as its stage is free and its
     * dependencies are done; fails on a deadlock; returns the makespan.
     */
    static int simulate(String name, Op[][] sched, Case c) {
        int p = c.stages(), m = c.microBatches();
        int[][][] done = new int[2][p][m];
        for (int[][] k : done) for (int[] row : k) Arrays.fill(row, -1);
        int[] next = new int[p], free = new int[p];
        int remaining = 2 * m * p, makespan = 0;
        while (remaining > 0) {
            boolean progress = false;
            for (int s = 0; s < p; s++) {
                while (next[s] < sched[s].length) {
                    Op op = sched[s][next[s]];
                    int i = op.microBatch(), ready;
                    if (op.kind() == Kind.F) {
                        ready = s == 0 ? 0 : done[0][s - 1][i];
                    } else {
                        int own = done[0][s][i];
                        int after = s == p - 1 ? own : done[1][s + 1][i];
                        ready = own < 0 || after < 0 ? -1 : Math.max(own, after);
                    }
                    if (ready < 0) break;
                    int finish = Math.max(free[s], ready) + 1;
                    done[op.kind().ordinal()][s][i] = finish;
                    free[s] = finish;
                    makespan = Math.max(makespan, finish);
                    next[s]++;
                    remaining--;
                    progress = true;
                }
            }
            if (!progress) {
                StringBuilder why = new StringBuilder();
                for (int s = 0; s < p; s++) {
                    if (next[s] < sched[s].length) {
                        Op op = sched[s][next[s]];
                        String needs = op.kind() == Kind.F ? "F" + op.microBatch() + " on stage " + (s - 1)
                                : done[0][s][op.microBatch()] < 0 ? "its own F" + op.microBatch() + " (later in the row)"
                                : "B" + op.microBatch() + " on stage " + (s + 1);
                        why.append("; stage ").append(s).append(" waits at ").append(op).append(" for ").append(needs);
                    }
                }
                fail(name + "(" + p + ", " + m + ") deadlocks" + why + ". Schedule: " + Arrays.deepToString(sched));
            }
        }
        return makespan;
    }

    @Override
    public Class<PipelineSchedule> contract() { return PipelineSchedule.class; }

    @Override
    public List<Check<PipelineSchedule>> checks() {
        return List.of(
            Check.<PipelineSchedule>oracle("gpipeMatchesReference", ctx -> ctx.forAll(cases(), c ->
                equal("gpipe(" + c.stages() + ", " + c.microBatches() + ")", ctx.oracle().gpipe(c.stages(), c.microBatches()),
                        fresh("gpipe(p, m)", () -> ctx.subject().gpipe(c.stages(), c.microBatches())))))
                .enforces("gpipeOrder", "newArrays").hint("Every stage: all the forwards in micro-batch order, then all the backwards in micro-batch order."),

            Check.<PipelineSchedule>oracle("oneFOneBMatchesReference", ctx -> ctx.forAll(cases(), c ->
                equal("oneFOneB(" + c.stages() + ", " + c.microBatches() + ")", ctx.oracle().oneFOneB(c.stages(), c.microBatches()),
                        fresh("oneFOneB(p, m)", () -> ctx.subject().oneFOneB(c.stages(), c.microBatches())))))
                .enforces("oneFOneBOrder", "newArrays").hint("Warm-up w = min(p - 1 - s, m) forwards, then F(w + i), B(i) pairs, then the last w backwards."),

            Check.<PipelineSchedule>oracle("bubbleFractionMatchesReference", ctx -> ctx.forAll(cases(), c ->
                close("bubbleFraction(" + c.stages() + ", " + c.microBatches() + ")", ctx.oracle().bubbleFraction(c.stages(), c.microBatches()),
                        ctx.subject().bubbleFraction(c.stages(), c.microBatches()))))
                .enforces("bubble").hint("(p - 1) / (m + p - 1), in double."),

            Check.<PipelineSchedule>invariant("everyStageRunsEveryOpOnce", ctx -> ctx.forAll(cases(), c -> {
                everyOpOnce("gpipe", schedule("gpipe", ctx.subject()::gpipe, c), c);
                everyOpOnce("oneFOneB", schedule("oneFOneB", ctx.subject()::oneFOneB, c), c);
            })).enforces("everyOpOnce").hint("Each row has 2m ops: F(i) and B(i) once for every i in 0..m-1; count the warm-up, steady and cool-down parts."),

            Check.<PipelineSchedule>invariant("schedulesRespectDependencies", ctx -> ctx.forAll(cases(), c -> {
                Op[][] g = schedule("gpipe", ctx.subject()::gpipe, c);
                everyOpOnce("gpipe", g, c);
                simulate("gpipe", g, c);
                Op[][] o = schedule("oneFOneB", ctx.subject()::oneFOneB, c);
                everyOpOnce("oneFOneB", o, c);
                simulate("oneFOneB", o, c);
            })).enforces("dependencies").hint("On the last stage B(i) needs its own F(i) first: in the steady state run the forward of the pair before the backward."),

            Check.<PipelineSchedule>invariant("bubbleIsTheIdleShareOfTheSimulatedSchedule", ctx -> ctx.forAll(cases(), c -> {
                int p = c.stages(), m = c.microBatches();
                for (String name : new String[] {"gpipe", "oneFOneB"}) {
                    Op[][] sched = schedule(name, name.equals("gpipe") ? ctx.subject()::gpipe : ctx.subject()::oneFOneB, c);
                    everyOpOnce(name, sched, c);
                    int t = simulate(name, sched, c);
                    equal(name + "(" + p + ", " + m + ") makespan in op units (2 (m + p - 1))", 2 * (m + p - 1), t);
                }
                close("bubbleFraction(" + p + ", " + m + ") vs the idle share 1 - 2m / makespan", 1 - 2.0 * m / (2 * (m + p - 1)),
                        ctx.subject().bubbleFraction(p, m));
            })).enforces("bubble", "dependencies")
                .hint("The pipeline fills in p - 1 steps and drains in p - 1: the idle share of 2 (m + p - 1) units is (p - 1) / (m + p - 1). Divide in double."),

            Check.<PipelineSchedule>ops("activationsInFlightPerStage", ctx -> ctx.forAll(cases(), c -> {
                int p = c.stages(), m = c.microBatches();
                Op[][] g = schedule("gpipe", ctx.subject()::gpipe, c);
                Op[][] o = schedule("oneFOneB", ctx.subject()::oneFOneB, c);
                everyOpOnce("gpipe", g, c);
                everyOpOnce("oneFOneB", o, c);
                for (int s = 0; s < p; s++) {
                    equal("gpipe stage " + s + " activations in flight (m)", m, peak(g[s]));
                    int bound = Math.min(p - s, m), got = peak(o[s]), st = s;
                    that(got <= bound, () -> "oneFOneB(" + p + ", " + m + ") stage " + st + " holds " + got + " activations at its peak, more than min(p - s, m) = "
                            + bound + ": " + Arrays.toString(o[st]));
                    equal("oneFOneB stage " + s + " activations in flight", bound, got);
                }
            })).enforces("gpipePeak", "oneFOneBPeak")
                .hint("1F1B's memory win: stage s only runs p - 1 - s forwards ahead of its first backward (never more than m), so it holds at most p - s activations."),

            Check.<PipelineSchedule>invariant("peakActivationsCountsForwardsMinusBackwards", ctx -> ctx.forAll(opsCases(), c -> {
                Op[] ops = c.ops().toArray(new Op[0]);
                int got = pure("peakActivations(stageOps)", () -> ctx.subject().peakActivations(ops), (Object) ops);
                equal("peakActivations(" + Arrays.toString(ops) + ")", peak(ops), got);
            })).enforces("peakValue", "newArrays").hint("Walk the list: +1 on F, -1 on B, and keep the largest running value (0 for an empty list)."),

            Check.<PipelineSchedule>invariant("rejectsNoStagesOrNoMicroBatches", ctx -> {
                PipelineSchedule ps = ctx.subject();
                for (int[] pm : new int[][] {{0, 4}, {4, 0}, {-1, 2}, {2, -3}}) {
                    int p = pm[0], m = pm[1];
                    ctx.example("p = " + p + ", m = " + m, () -> {
                        throwsOn("gpipe(" + p + ", " + m + ")", IllegalArgumentException.class, "a pipeline needs a stage and a micro-batch", () -> ps.gpipe(p, m));
                        throwsOn("oneFOneB(" + p + ", " + m + ")", IllegalArgumentException.class, "a pipeline needs a stage and a micro-batch", () -> ps.oneFOneB(p, m));
                        throwsOn("bubbleFraction(" + p + ", " + m + ")", IllegalArgumentException.class, "a pipeline needs a stage and a micro-batch", () -> ps.bubbleFraction(p, m));
                    });
                }
            }).enforces("rejectsEmpty").hint("Check stages >= 1 and microBatches >= 1 at the top of gpipe, oneFOneB and bubbleFraction."),

            Check.<PipelineSchedule>example("handWorkedSchedules", ctx -> {
                PipelineSchedule ps = ctx.subject();
                ctx.example("oneFOneB(2, 3): stage 0 [F0, F1, B0, F2, B1, B2], stage 1 [F0, B0, F1, B1, F2, B2]", () ->
                    equal("oneFOneB(2, 3)", new Op[][] {{Op.f(0), Op.f(1), Op.b(0), Op.f(2), Op.b(1), Op.b(2)},
                            {Op.f(0), Op.b(0), Op.f(1), Op.b(1), Op.f(2), Op.b(2)}}, ps.oneFOneB(2, 3)));
                ctx.example("oneFOneB(4, 2) stage 0: warm-up min(3, 2) = 2: [F0, F1, B0, B1]", () ->
                    equal("oneFOneB(4, 2)[0]", new Op[] {Op.f(0), Op.f(1), Op.b(0), Op.b(1)}, ps.oneFOneB(4, 2)[0]));
                ctx.example("gpipe(3, 2) stage 2: [F0, F1, B0, B1]", () ->
                    equal("gpipe(3, 2)[2]", new Op[] {Op.f(0), Op.f(1), Op.b(0), Op.b(1)}, ps.gpipe(3, 2)[2]));
                ctx.example("bubbleFraction(4, 8) = 3 / 11; bubbleFraction(1, 5) = 0; bubbleFraction(4, 1) = 3 / 4", () -> {
                    close("bubbleFraction(4, 8)", 3.0 / 11, ps.bubbleFraction(4, 8));
                    close("bubbleFraction(1, 5)", 0.0, ps.bubbleFraction(1, 5));
                    close("bubbleFraction(4, 1)", 0.75, ps.bubbleFraction(4, 1));
                });
                ctx.example("peakActivations([F0, B0, F1, F2, B1, B2]) = 2; peakActivations([]) = 0", () -> {
                    equal("peakActivations([F0, B0, F1, F2, B1, B2])", 2, ps.peakActivations(new Op[] {Op.f(0), Op.b(0), Op.f(1), Op.f(2), Op.b(1), Op.b(2)}));
                    equal("peakActivations([])", 0, ps.peakActivations(new Op[0]));
                });
            }).enforces("oneFOneBOrder", "gpipeOrder", "bubble", "peakValue")
                .hint("Draw the grid (stages down, time across) for p = 2, m = 3 by hand; the warm-up of stage s is min(p - 1 - s, m).")
        );
    }
}
