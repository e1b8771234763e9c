package katagym.distributed;

/** Plausible learner bugs the pipeline-schedule spec must catch. */
final class PipelineScheduleBugs {
    private PipelineScheduleBugs() {}

    /** The bubble relative to the ideal time, (p - 1) / m, instead of the share of the whole schedule. */
    static final class BubbleOverM extends PipelineScheduleReference {
        @Override
        public double bubbleFraction(int stages, int microBatches) {
            validate(stages, microBatches);
            return (stages - 1.0) / microBatches;
        }
    }

    /** Integer division: (p - 1) / (m + p - 1) in int is 0. */
    static final class IntegerDivisionBubble extends PipelineScheduleReference {
        @Override
        public double bubbleFraction(int stages, int microBatches) {
            validate(stages, microBatches);
            return (stages - 1) / (microBatches + stages - 1);
        }
    }

    /** Warm-up of p - s forwards (one too many): stage s holds one activation more than needed. */
    static final class WarmupOneTooMany extends PipelineScheduleReference {
        @Override
        public Op[][] oneFOneB(int stages, int microBatches) {
            return withWarmup(stages, microBatches, s -> Math.min(stages - s, microBatches));
        }
    }

    /** The same warm-up p - 1 on every stage (forgets - s): late stages hoard activations. */
    static final class WarmupIgnoresTheStage extends PipelineScheduleReference {
        @Override
        public Op[][] oneFOneB(int stages, int microBatches) {
            return withWarmup(stages, microBatches, s -> Math.min(stages - 1, microBatches));
        }
    }

    /** Warm-up not capped by m: with few micro-batches it schedules forwards of micro-batches that do not exist. */
    static final class WarmupNotCappedByM extends PipelineScheduleReference {
        @Override
        public Op[][] oneFOneB(int stages, int microBatches) {
            validate(stages, microBatches);
            Op[][] out = new Op[stages][];
            for (int s = 0; s < stages; s++) {
                int w = stages - 1 - s;
                java.util.List<Op> ops = new java.util.ArrayList<>();
                for (int i = 0; i < w; i++) ops.add(Op.f(i));
                for (int i = 0; i < microBatches - w; i++) {
                    ops.add(Op.f(w + i));
                    ops.add(Op.b(i));
                }
                for (int i = Math.max(0, microBatches - w); i < microBatches; i++) ops.add(Op.b(i));
                out[s] = ops.toArray(new Op[0]);
            }
            return out;
        }
    }

    /** Steady state backward first: B(i) before F(w + i), so the last stage runs B0 before F0. */
    static final class BackwardBeforeForwardInSteadyState extends PipelineScheduleReference {
        @Override
        public Op[][] oneFOneB(int stages, int microBatches) {
            Op[][] out = super.oneFOneB(stages, microBatches);
            for (int s = 0; s < stages; s++) {
                int w = Math.min(stages - 1 - s, microBatches);
                for (int i = 0; i < microBatches - w; i++) {
                    Op t = out[s][w + 2 * i];
                    out[s][w + 2 * i] = out[s][w + 2 * i + 1];
                    out[s][w + 2 * i + 1] = t;
                }
            }
            return out;
        }
    }

    /** GPipe's backwards in reverse micro-batch order (autograd's order), not the stated increasing order. */
    static final class GpipeBackwardsReversed extends PipelineScheduleReference {
        @Override
        public Op[][] gpipe(int stages, int microBatches) {
            Op[][] out = super.gpipe(stages, microBatches);
            for (Op[] row : out) for (int i = 0; i < microBatches; i++) row[microBatches + i] = Op.b(microBatches - 1 - i);
            return out;
        }
    }

    /** Counts the forwards only: the number of F ops, not the activations still held. */
    static final class PeakCountsForwards extends PipelineScheduleReference {
        @Override
        public int peakActivations(Op[] stageOps) {
            int n = 0;
            for (Op op : stageOps) if (op.kind() == Kind.F) n++;
            return n;
        }
    }

    /** Keeps the last schedule in a field and returns that same array when asked again (a reused buffer). */
    static final class ReusesTheScheduleBuffer extends PipelineScheduleReference {
        private Op[][] cached;

        @Override
        public Op[][] oneFOneB(int stages, int microBatches) {
            Op[][] fresh = super.oneFOneB(stages, microBatches);
            if (cached != null && java.util.Arrays.deepEquals(cached, fresh)) return cached;
            cached = fresh;
            return fresh;
        }
    }

    static PipelineSchedule.Op[][] withWarmup(int stages, int microBatches, java.util.function.IntUnaryOperator warmup) {
        PipelineScheduleReference.validate(stages, microBatches);
        PipelineSchedule.Op[][] out = new PipelineSchedule.Op[stages][2 * microBatches];
        for (int s = 0; s < stages; s++) {
            int w = warmup.applyAsInt(s), k = 0;
            for (int i = 0; i < w; i++) out[s][k++] = PipelineSchedule.Op.f(i);
            for (int i = 0; i < microBatches - w; i++) {
                out[s][k++] = PipelineSchedule.Op.f(w + i);
                out[s][k++] = PipelineSchedule.Op.b(i);
            }
            for (int i = microBatches - w; i < microBatches; i++) out[s][k++] = PipelineSchedule.Op.b(i);
        }
        return out;
    }
}
