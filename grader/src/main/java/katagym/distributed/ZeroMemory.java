package katagym.distributed;

import katagym.grader.spec.Clause;

/**
 * Model-state memory per GPU for mixed-precision Adam under data parallelism (DDP) and the three
 * ZeRO stages (Rajbhandari et al. 2020, Fig. 1). Kata {@code zero-memory}.
 *
 * <p>With {@code Psi} parameters, {@code K} optimizer bytes per parameter and {@code Nd} GPUs, a
 * replica holds fp16 parameters ({@code 2 Psi} bytes), fp16 gradients ({@code 2 Psi}) and optimizer
 * states ({@code K Psi}; {@code K = 12} for Adam: fp32 master weights, momentum and variance).
 * <ul>
 *   <li>stage 0, DDP: nothing partitioned: {@code (2 + 2 + K) Psi};</li>
 *   <li>stage 1, ZeRO-1 (P_os): optimizer states partitioned: {@code 2 Psi + 2 Psi + K Psi / Nd};</li>
 *   <li>stage 2, ZeRO-2 (P_os+g): also gradients: {@code 2 Psi + (2 + K) Psi / Nd};</li>
 *   <li>stage 3, ZeRO-3 (P_os+g+p): also parameters: {@code (2 + 2 + K) Psi / Nd}.</li>
 * </ul>
 * A partitioned state costs exactly its full size divided by {@code Nd} (as a real number, no rounding).
 */
@Clause(id = "ddpBytes", value = "Stage 0 (DDP) holds 2 Psi bytes of parameters, 2 Psi of gradients and K Psi of optimizer states.")
@Clause(id = "stagePartitions", value = "Stage 1 divides the optimizer states by Nd, stage 2 also the gradients, stage 3 also the parameters.")
@Clause(id = "realDivision", value = "A partitioned state costs exactly its full size / Nd as a real number, with no rounding to whole bytes.")
@Clause(id = "largeCounts", value = "Parameter counts up to 1e15 and beyond (far past the int range) give exact byte counts: no int overflow.")
@Clause(id = "rejectsUnknownStage", value = "perGpu throws IllegalArgumentException for a stage outside 0..3.")
public interface ZeroMemory {

    /** Bytes per GPU of each model state; {@code total()} is their sum. */
    record Bytes(double parameters, double gradients, double optimizerStates) {
        public double total() { return parameters + gradients + optimizerStates; }
    }

    /**
     * Model-state bytes held by one GPU.
     *
     * @param stage 0 (DDP), 1, 2 or 3 (ZeRO stage)
     * @param parameters the number of model parameters {@code Psi}, >= 0
     * @param gpus the data-parallel degree {@code Nd}, >= 1
     * @param optimizerBytesPerParam {@code K} (12 for mixed-precision Adam)
     * @throws IllegalArgumentException when stage is not 0, 1, 2 or 3
     */
    Bytes perGpu(int stage, long parameters, int gpus, int optimizerBytesPerParam);
}
