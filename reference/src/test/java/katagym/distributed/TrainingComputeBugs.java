package katagym.distributed;

/** Plausible learner bugs the training-compute spec must catch. */
final class TrainingComputeBugs {
    private TrainingComputeBugs() {}

    /** Multiplies 6 * N * D in long before converting: overflows once N D passes 1.5e18. */
    static final class LongProductOverflows extends TrainingComputeReference {
        @Override
        public double trainingFlops(long parameters, long tokens) {
            return (double) (6 * parameters * tokens);
        }
    }

    /** Operator precedence: sqrt(C / 6 * r) instead of sqrt(C / (6 r)). */
    static final class ChinchillaPrecedence extends TrainingComputeReference {
        @Override
        public Allocation chinchillaOptimal(double computeFlops, double tokensPerParameter) {
            super.chinchillaOptimal(computeFlops, tokensPerParameter);
            double n = Math.sqrt(computeFlops / 6 * tokensPerParameter);
            return new Allocation(n, tokensPerParameter * n);
        }
    }

    /** Hard-codes Chinchilla's 20 tokens per parameter instead of using r. */
    static final class ChinchillaIgnoresRatio extends TrainingComputeReference {
        @Override
        public Allocation chinchillaOptimal(double computeFlops, double tokensPerParameter) {
            return super.chinchillaOptimal(computeFlops, tokensPerParameter > 0 ? 20 : tokensPerParameter);
        }
    }

    /** Integer division in the attention term: 5 a s / h truncated when h does not divide 5 a s. */
    static final class IntegerDivisionInAttentionTerm extends TrainingComputeReference {
        @Override
        public long activationBytesPerLayer(long seq, long batch, long hidden, long heads, Recompute mode) {
            long bytes = super.activationBytesPerLayer(seq, batch, hidden, heads, mode);
            return mode == Recompute.NONE ? seq * batch * hidden * (34 + 5 * heads * seq / hidden) : bytes;
        }
    }

    /** Computes s b h in int: overflows past 2^31 bytes. */
    static final class IntOverflowInActivations extends TrainingComputeReference {
        @Override
        public long activationBytesPerLayer(long seq, long batch, long hidden, long heads, Recompute mode) {
            super.activationBytesPerLayer(seq, batch, hidden, heads, mode);
            int s = (int) seq, b = (int) batch, h = (int) hidden, a = (int) heads;
            int sbh = s * b * h;
            return switch (mode) {
                case NONE -> 34 * sbh + 5 * a * s * s * b;
                case SELECTIVE -> 34 * sbh;
                case FULL -> 2 * sbh;
            };
        }
    }

    /** Full recomputation keeps nothing at all (forgets the layer input it restarts from). */
    static final class FullRecomputationKeepsNothing extends TrainingComputeReference {
        @Override
        public long activationBytesPerLayer(long seq, long batch, long hidden, long heads, Recompute mode) {
            long bytes = super.activationBytesPerLayer(seq, batch, hidden, heads, mode);
            return mode == Recompute.FULL ? 0 : bytes;
        }
    }

    /** Counts only the forward pass, 2 N FLOPs per token, in MFU. */
    static final class MfuForwardOnly extends TrainingComputeReference {
        @Override
        public double mfu(double tokensPerSecond, long parameters, int gpus, double peakFlopsPerGpu) {
            return super.mfu(tokensPerSecond, parameters, gpus, peakFlopsPerGpu) / 3;
        }
    }

    /** Divides by one GPU's peak, not the peak of all of them. */
    static final class MfuForgetsGpus extends TrainingComputeReference {
        @Override
        public double mfu(double tokensPerSecond, long parameters, int gpus, double peakFlopsPerGpu) {
            if (gpus < 1) throw new IllegalArgumentException("gpus >= 1");
            return super.mfu(tokensPerSecond, parameters, 1, peakFlopsPerGpu);
        }
    }

    /** Returns garbage instead of throwing for heads that do not divide hidden (only heads < 1 is checked). */
    static final class AcceptsHeadsThatDoNotDivide extends TrainingComputeReference {
        @Override
        public long activationBytesPerLayer(long seq, long batch, long hidden, long heads, Recompute mode) {
            if (heads >= 1 && hidden % heads != 0) return 0;
            return super.activationBytesPerLayer(seq, batch, hidden, heads, mode);
        }
    }
}
