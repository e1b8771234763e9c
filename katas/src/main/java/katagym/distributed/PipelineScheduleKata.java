package katagym.distributed;

import katagym.NotImplementedYet;

/**
 * Kata {@code pipeline-schedule}: GPipe and 1F1B pipeline schedules, the bubble fraction and the
 * activations in flight. Statement: katas/src/main/resources/statements/pipeline-schedule.md
 * ({@code ./kata show pipeline-schedule}).
 */
public final class PipelineScheduleKata implements PipelineSchedule {

    /** Returns a new Op[stages][2 m]: every row F0 .. F(m-1) then B0 .. B(m-1); throws IllegalArgumentException when stages or m < 1. */
    @Override
    public Op[][] gpipe(int stages, int microBatches) {
        throw new NotImplementedYet("PipelineScheduleKata.gpipe");
    }

    /**
     * Returns a new Op[stages][2 m]: stage s runs min(p - 1 - s, m) warm-up forwards, then pairs
     * F(w + i), B(i), then the remaining backwards; throws IllegalArgumentException when stages or m < 1.
     */
    @Override
    public Op[][] oneFOneB(int stages, int microBatches) {
        throw new NotImplementedYet("PipelineScheduleKata.oneFOneB");
    }

    /** Returns (p - 1) / (m + p - 1) as a double; throws IllegalArgumentException when stages or m < 1. */
    @Override
    public double bubbleFraction(int stages, int microBatches) {
        throw new NotImplementedYet("PipelineScheduleKata.bubbleFraction");
    }

    /** Returns the maximum over prefixes of (#F - #B) in stageOps (0 when empty). */
    @Override
    public int peakActivations(Op[] stageOps) {
        throw new NotImplementedYet("PipelineScheduleKata.peakActivations");
    }
}
