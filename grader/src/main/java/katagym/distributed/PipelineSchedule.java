package katagym.distributed;

import katagym.grader.spec.Clause;

/**
 * Pipeline-parallel schedules for p stages and m micro-batches: GPipe (Huang et al. 2019) and 1F1B
 * (PipeDream-Flush, Narayanan et al. 2021, as in Megatron-LM), their bubble and the activations each
 * stage keeps in flight. Kata {@code pipeline-schedule}. Stages and micro-batches are numbered from 0.
 *
 * <p>A schedule is {@code Op[p][2m]}: row s lists the ops stage s runs, in order; every stage runs
 * the forward F(i) and the backward B(i) of every micro-batch i exactly once. F(i) on stage s needs
 * F(i) done on stage s - 1; B(i) on stage s needs B(i) done on stage s + 1 (on the last stage, its own
 * F(i)).
 */
@Clause(id = "everyOpOnce", value = "Each stage's row holds F(i) and B(i) exactly once for every micro-batch i in 0..m-1, and nothing else.")
@Clause(id = "dependencies", value = "A schedule respects the dependencies: run in order on every stage, it never waits for an op that cannot come (no deadlock), "
        + "and B(i) follows F(i) on every stage.")
@Clause(id = "newArrays", value = "Schedules are new arrays; peakActivations does not modify its argument.")
@Clause(id = "rejectsEmpty", value = "gpipe, oneFOneB and bubbleFraction throw IllegalArgumentException when stages < 1 or microBatches < 1.")
public interface PipelineSchedule {

    /** Forward or backward pass of one micro-batch. */
    enum Kind { F, B }

    /** One op of a stage: the forward or backward pass of micro-batch {@code microBatch}. */
    record Op(Kind kind, int microBatch) {
        public static Op f(int i) { return new Op(Kind.F, i); }
        public static Op b(int i) { return new Op(Kind.B, i); }
        @Override
        public String toString() { return kind.name() + microBatch; }
    }

    /** GPipe: every stage runs F(0), ..., F(m-1), then B(0), ..., B(m-1). */
    @Clause(id = "gpipeOrder", value = "gpipe: every stage runs F0 .. F(m-1) then B0 .. B(m-1).")
    @Clause(id = "gpipePeak", value = "gpipe keeps m activations in flight on every stage.")
    Op[][] gpipe(int stages, int microBatches);

    /**
     * 1F1B: stage s first runs {@code w = min(p - 1 - s, m)} warm-up forwards F(0) .. F(w-1); then, for
     * i = 0 .. m - w - 1, the pair F(w + i), B(i) (one forward, then one backward); then the
     * cool-down backwards B(m - w) .. B(m - 1).
     */
    @Clause(id = "oneFOneBOrder", value = "oneFOneB: stage s runs w = min(p - 1 - s, m) warm-up forwards, then pairs F(w + i), B(i), then the remaining backwards.")
    @Clause(id = "oneFOneBPeak", value = "oneFOneB keeps at most min(p - s, m) activations in flight on stage s (at most p, whatever m is).")
    Op[][] oneFOneB(int stages, int microBatches);

    /**
     * The bubble fraction {@code (p - 1) / (m + p - 1)}: the share of the schedule's time a stage is
     * idle, with F and B taking one unit each (both schedules take {@code 2 (m + p - 1)} units, of
     * which each stage is busy {@code 2m}).
     */
    @Clause(id = "bubble", value = "bubbleFraction = (p - 1) / (m + p - 1), the idle share of the makespan 2 (m + p - 1) of both schedules.")
    double bubbleFraction(int stages, int microBatches);

    /**
     * The largest number of activations one stage holds at any point of its op list: the maximum over
     * prefixes of (number of F) - (number of B). 0 for an empty list.
     */
    @Clause(id = "peakValue", value = "peakActivations = max over prefixes of (#F - #B) of the stage's op list; 0 for an empty list.")
    int peakActivations(Op[] stageOps);
}
