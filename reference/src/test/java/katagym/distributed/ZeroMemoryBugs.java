package katagym.distributed;

/** Plausible learner bugs the zero-memory spec must catch. */
final class ZeroMemoryBugs {
    private ZeroMemoryBugs() {}

    /** ZeRO-2 also partitions the parameters (that is stage 3). */
    static final class Zero2PartitionsParameters extends ZeroMemoryReference {
        @Override
        public Bytes perGpu(int stage, long parameters, int gpus, int optimizerBytesPerParam) {
            Bytes b = super.perGpu(stage, parameters, gpus, optimizerBytesPerParam);
            return stage == 2 ? new Bytes(b.parameters() / gpus, b.gradients(), b.optimizerStates()) : b;
        }
    }

    /** Off by one stage: ZeRO-1 already partitions the gradients. */
    static final class Zero1PartitionsGradients extends ZeroMemoryReference {
        @Override
        public Bytes perGpu(int stage, long parameters, int gpus, int optimizerBytesPerParam) {
            return super.perGpu(stage == 1 ? 2 : stage, parameters, gpus, optimizerBytesPerParam);
        }
    }

    /** Hard-codes Adam's 12 bytes of optimizer state instead of using K. */
    static final class IgnoresK extends ZeroMemoryReference {
        @Override
        public Bytes perGpu(int stage, long parameters, int gpus, int optimizerBytesPerParam) {
            return super.perGpu(stage, parameters, gpus, 12);
        }
    }

    /** Counts fp32 gradients (4 bytes per parameter) instead of fp16 ones. */
    static final class Fp32Gradients extends ZeroMemoryReference {
        @Override
        public Bytes perGpu(int stage, long parameters, int gpus, int optimizerBytesPerParam) {
            Bytes b = super.perGpu(stage, parameters, gpus, optimizerBytesPerParam);
            return new Bytes(b.parameters(), 2 * b.gradients(), b.optimizerStates());
        }
    }
}
