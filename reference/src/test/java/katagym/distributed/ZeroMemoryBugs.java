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

    /** Holds Psi in an int ("parameter counts are ints"): 7.5 billion parameters wrap around to a negative count. */
    static final class PsiStoredInAnInt extends ZeroMemoryReference {
        @Override
        public Bytes perGpu(int stage, long parameters, int gpus, int optimizerBytesPerParam) {
            int psi = (int) parameters;
            return super.perGpu(stage, psi, gpus, optimizerBytesPerParam);
        }
    }

    /** Does the arithmetic in long: the partitioned byte counts are rounded down to whole bytes. */
    static final class IntegerDivisionByNd extends ZeroMemoryReference {
        @Override
        public Bytes perGpu(int stage, long parameters, int gpus, int optimizerBytesPerParam) {
            long params = 2 * parameters, grads = 2 * parameters, opt = (long) optimizerBytesPerParam * parameters;
            if (stage >= 1) opt /= gpus;
            if (stage >= 2) grads /= gpus;
            if (stage >= 3) params /= gpus;
            return new Bytes(params, grads, opt);
        }
    }

    /** Tests stage with >= only, so stage 4 (or 7) silently answers as ZeRO-3 instead of being rejected. */
    static final class AcceptsStagesAboveThree extends ZeroMemoryReference {
        @Override
        public Bytes perGpu(int stage, long parameters, int gpus, int optimizerBytesPerParam) {
            return super.perGpu(Math.min(Math.max(stage, 0), 3), parameters, gpus, optimizerBytesPerParam);
        }
    }
}
