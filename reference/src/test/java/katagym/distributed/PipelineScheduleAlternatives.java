package katagym.distributed;

import java.util.ArrayList;
import java.util.List;

/** Correct solutions unlike the reference. */
final class PipelineScheduleAlternatives {
    private PipelineScheduleAlternatives() {}

    /**
     * 1F1B written as a rule instead of three phases: a stage runs a forward while it holds fewer
     * than min(p - s, m) activations and forwards remain, else a backward (the way Megatron's
     * scheduler is often explained); the bubble as 1 - m / (m + p - 1).
     */
    static final class InFlightRule implements PipelineSchedule {
        @Override
        public Op[][] gpipe(int stages, int microBatches) {
            if (stages <= 0 || microBatches <= 0) throw new IllegalArgumentException("need stages and micro-batches");
            Op[][] out = new Op[stages][];
            for (int s = 0; s < stages; s++) {
                List<Op> row = new ArrayList<>();
                for (int i = 0; i < microBatches; i++) row.add(Op.f(i));
                for (int i = 0; i < microBatches; i++) row.add(Op.b(i));
                out[s] = row.toArray(new Op[0]);
            }
            return out;
        }

        @Override
        public Op[][] oneFOneB(int stages, int microBatches) {
            if (stages <= 0 || microBatches <= 0) throw new IllegalArgumentException("need stages and micro-batches");
            Op[][] out = new Op[stages][];
            for (int s = 0; s < stages; s++) {
                int limit = Math.min(stages - s, microBatches), f = 0, b = 0;
                List<Op> row = new ArrayList<>();
                while (b < microBatches) {
                    if (f < microBatches && f - b < limit) row.add(Op.f(f++));
                    else row.add(Op.b(b++));
                }
                out[s] = row.toArray(new Op[0]);
            }
            return out;
        }

        @Override
        public double bubbleFraction(int stages, int microBatches) {
            if (stages <= 0 || microBatches <= 0) throw new IllegalArgumentException("need stages and micro-batches");
            return 1 - (double) microBatches / (microBatches + stages - 1);
        }

        @Override
        public int peakActivations(Op[] stageOps) {
            int best = 0;
            for (int end = 0; end <= stageOps.length; end++) {
                int f = 0, b = 0;
                for (int i = 0; i < end; i++) {
                    if (stageOps[i].kind() == Kind.F) f++;
                    else b++;
                }
                best = Math.max(best, f - b);
            }
            return best;
        }
    }
}
