package katagym.distributed;

import katagym.NotImplementedYet;

/**
 * Kata {@code zero-memory}: model-state bytes per GPU under DDP and ZeRO stages 1, 2 and 3.
 * Statement: katas/src/main/resources/statements/zero-memory.md ({@code ./kata show zero-memory}).
 */
public final class ZeroMemoryKata implements ZeroMemory {

    /**
     * Returns the bytes of fp16 parameters (2 per parameter), fp16 gradients (2 per parameter) and
     * optimizer states ({@code optimizerBytesPerParam} per parameter) held by one of {@code gpus}
     * GPUs: stage 0 partitions nothing, stage 1 the optimizer states, stage 2 also the gradients,
     * stage 3 also the parameters. A partitioned state costs its full size / {@code gpus}.
     */
    @Override
    public Bytes perGpu(int stage, long parameters, int gpus, int optimizerBytesPerParam) {
        throw new NotImplementedYet("ZeroMemoryKata.perGpu");
    }
}
