package katagym.distributed;

public class PipelineScheduleReference implements PipelineSchedule {

    static void validate(int stages, int microBatches) {
        if (stages < 1 || microBatches < 1) throw new IllegalArgumentException("stages and micro-batches must be >= 1");
    }

    @Override
    public Op[][] gpipe(int stages, int microBatches) {
        validate(stages, microBatches);
        Op[][] out = new Op[stages][2 * microBatches];
        for (int s = 0; s < stages; s++) {
            for (int i = 0; i < microBatches; i++) {
                out[s][i] = Op.f(i);
                out[s][microBatches + i] = Op.b(i);
            }
        }
        return out;
    }

    @Override
    public Op[][] oneFOneB(int stages, int microBatches) {
        validate(stages, microBatches);
        Op[][] out = new Op[stages][2 * microBatches];
        for (int s = 0; s < stages; s++) {
            int warmup = Math.min(stages - 1 - s, microBatches);
            int k = 0;
            for (int i = 0; i < warmup; i++) out[s][k++] = Op.f(i);
            for (int i = 0; i < microBatches - warmup; i++) {
                out[s][k++] = Op.f(warmup + i);
                out[s][k++] = Op.b(i);
            }
            for (int i = microBatches - warmup; i < microBatches; i++) out[s][k++] = Op.b(i);
        }
        return out;
    }

    @Override
    public double bubbleFraction(int stages, int microBatches) {
        validate(stages, microBatches);
        return (stages - 1.0) / (microBatches + stages - 1.0);
    }

    @Override
    public int peakActivations(Op[] stageOps) {
        int inFlight = 0, peak = 0;
        for (Op op : stageOps) {
            inFlight += op.kind() == Kind.F ? 1 : -1;
            peak = Math.max(peak, inFlight);
        }
        return peak;
    }
}
